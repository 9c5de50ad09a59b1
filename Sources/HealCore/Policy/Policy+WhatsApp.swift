import Foundation

extension Policy {
    /// Restarts the gateway for a WhatsApp link that stays down, as a last resort: only when the
    /// default account is configured and linked, down for `whatsappDisconnectThreshold` consecutive
    /// ticks AND for `openclaw.channelRestartGraceSec` (OpenClaw's own channel health monitor gets
    /// that long to bring it back), and the restart budget allows it (which includes
    /// `whatsappMinRestartIntervalSec` since the last restart). Logged-out or replaced links raise
    /// an alert instead: a restart cannot fix them. An unreachable gateway is not a disconnect.
    static func whatsappRule(_ s: inout HealState, _ observed: Observed<WhatsAppObservation>,
                             restartAlreadyDecided: Bool, now: Date, config: HealConfig,
                             context: PolicyContext, into decisions: inout [Decision]) {
        let verdict = WhatsAppVerdict.judge(observed)
        if verdict != .unobserved {
            s.whatsapp.lastStatus = verdict.status
            s.whatsapp.lastDetail = verdict.detail
        }
        switch verdict {
        case .unobserved, .gatewayUnreachable, .unknown:
            return // cannot tell: the streak neither grows nor resets
        case .notConfigured, .connected:
            s.whatsapp.disconnectStreak = 0
            s.whatsapp.firstDisconnectedAt = nil
            s.whatsapp.alerted = nil
            return
        case .loggedOut(let why), .conflict(let why):
            s.whatsapp.disconnectStreak = 0
            s.whatsapp.firstDisconnectedAt = nil
            guard s.whatsapp.alerted != verdict.status else { return }
            s.whatsapp.alerted = verdict.status
            decisions.append(Decision(incident: s.nextIncident(at: now), rule: Rule.whatsappAlert,
                                      trigger: "WhatsApp \(verdict.status): needs a human, not a restart",
                                      evidence: [why]))
            return
        case .disconnected(let why):
            guard !restartAlreadyDecided else { return } // the restart resets the streak
            s.whatsapp.disconnectStreak += 1
            let since = s.whatsapp.firstDisconnectedAt ?? now
            s.whatsapp.firstDisconnectedAt = since
            let downFor = now.timeIntervalSince(since)
            guard s.whatsapp.disconnectStreak >= config.autoFix.whatsappDisconnectThreshold,
                  downFor >= TimeInterval(config.openclaw.channelRestartGraceSec) else { return }
            let evidence = [why, "disconnected for \(s.whatsapp.disconnectStreak) ticks since \(iso(since)) (\(seconds(downFor)) s)",
                            "OpenClaw's channel monitor had \(config.openclaw.channelRestartGraceSec) s to recover it"]
            guard config.autoFix.restartWhatsappOnDisconnect else {
                guard s.whatsapp.alerted != "disconnected" else { return }
                s.whatsapp.alerted = "disconnected"
                decisions.append(Decision(incident: s.nextIncident(at: now), rule: Rule.whatsappAlert,
                                          trigger: "WhatsApp disconnected; restarts are off (autoFix.restartWhatsappOnDisconnect)",
                                          evidence: evidence))
                return
            }
            let streak = s.whatsapp.disconnectStreak
            let granted = requestRestart(
                &s, rule: Rule.whatsappRestart, trigger: "WhatsApp disconnected for \(streak) ticks (\(seconds(downFor)) s)",
                reason: "WhatsApp disconnected for \(seconds(downFor)) s", evidence: evidence,
                metric: MetricEvent(event: "whatsapp-restart", fields: ["disconnectStreak": .int(streak)]),
                now: now, config: config, context: context, into: &decisions)
            if granted { s.whatsapp.lastRestartAt = now }
        }
    }
}
