import Foundation

extension Policy {
    /// A paused restart budget resumes by itself once `pauseSec` has passed.
    static func resumeRestartsIfDue(_ s: inout HealState, now: Date, into decisions: inout [Decision]) {
        guard let until = s.restartBudget.pausedUntil, now >= until else { return }
        let why = s.restartBudget.pauseReason ?? "budget spent"
        s.restartBudget.pausedUntil = nil
        s.restartBudget.pauseReason = nil
        decisions.append(Decision(incident: s.nextIncident(at: now), rule: Rule.restartBudgetResumed,
                                  trigger: "restart pause ended \(iso(until))", evidence: ["paused because: \(why)"]))
    }

    /// Asks for a gateway restart under the config guard and the restart budget. Returns whether it
    /// was granted; a refusal is still a decision (audited), with the action it would have run.
    static func requestRestart(_ s: inout HealState, rule: String, trigger: String, reason: String,
                               evidence: [String], metric: MetricEvent?, now: Date, config: HealConfig,
                               context: PolicyContext, into decisions: inout [Decision]) -> Bool {
        let action = HealAction.restartGateway(reason: reason)
        let id = s.nextIncident(at: now)
        if let refusal = ActionGuard.refusal(for: action, context: context) {
            decisions.append(Decision(incident: id, rule: rule, trigger: trigger, evidence: evidence,
                                      action: action, refusal: refusal))
            return false
        }
        let used = s.restartBudget.used(at: now, windowSec: config.restartBudget.windowSec)
        switch RestartGate.request(&s.restartBudget, trigger: rule, now: now, config: config) {
        case .refused(let why, let pausedNow):
            decisions.append(Decision(incident: id, rule: rule, trigger: trigger, evidence: evidence,
                                      action: action, refusal: why))
            if pausedNow {
                decisions.append(Decision(incident: id, rule: Rule.restartBudgetPaused, trigger: why,
                                          evidence: ["resumes by itself at \(iso(s.restartBudget.pausedUntil ?? now))"]))
            }
            return false
        case .allowed:
            decisions.append(Decision(
                incident: id, rule: rule, trigger: trigger,
                evidence: evidence + ["restart \(used + 1) of \(config.restartBudget.maxRestarts) in \(config.restartBudget.windowSec) s"],
                action: action, metric: metric))
            // Everyone gets a fresh start after a restart: OpenClaw's own channel monitor gets its
            // window again before the healer counts anything against the link.
            s.whatsapp.disconnectStreak = 0
            s.whatsapp.firstDisconnectedAt = nil
            s.gateway.downStreak = 0
            s.gateway.downSince = nil
            return true
        }
    }

    /// Gateway down (not live) for `gatewayDownTicks` ticks and `gatewayDownMinSec`: restart it,
    /// under the budget. "Down" is `/healthz` not live, or unreachable with no sign of life; an
    /// observation that cannot tell changes nothing. A gateway never seen live is not restarted.
    static func gatewayRule(_ s: inout HealState, _ g: GatewayObservation, now: Date, config: HealConfig,
                            context: PolicyContext, into decisions: inout [Decision]) -> Bool {
        let down: Bool?
        if g.live == true { down = false }
        else if g.live == false { down = true }
        else if g.reachable == false { down = true }
        else if g.reachable == true { down = false }
        else { down = nil }
        guard let down else { return false }
        guard down else {
            s.gateway.downStreak = 0
            s.gateway.downSince = nil
            if g.live == true { s.gateway.lastSeenLiveAt = now }
            return false
        }
        s.gateway.downStreak += 1
        let since = s.gateway.downSince ?? now
        s.gateway.downSince = since
        guard s.gateway.downStreak >= gatewayDownTicks, now.timeIntervalSince(since) >= gatewayDownMinSec,
              let lastLive = s.gateway.lastSeenLiveAt else { return false }
        let downFor = seconds(now.timeIntervalSince(since))
        return requestRestart(
            &s, rule: Rule.gatewayRestart, trigger: "gateway not live for \(s.gateway.downStreak) ticks (\(downFor) s)",
            reason: "gateway not live for \(downFor) s",
            evidence: ["reachable: \(g.reachable.map(String.init) ?? "unknown"), live: \(g.live.map(String.init) ?? "unknown")",
                       "detail: \(g.detail)", "down since \(iso(since)); last seen live \(iso(lastLive))"],
            metric: MetricEvent(event: "gateway-restart", fields: ["downTicks": .int(s.gateway.downStreak), "downSec": .int(downFor)]),
            now: now, config: config, context: context, into: &decisions)
    }
}
