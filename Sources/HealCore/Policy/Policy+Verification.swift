import FoundationEssentials

extension Policy {
    /// Judges every pending disruptive action on this tick's observation: `verified` when its
    /// effect shows, `did-not-help` when the window passes without it. What did not help is never
    /// simply repeated: a channel restart escalates to a gateway restart, and the end of each
    /// ladder is an alert that says what a human must do.
    static func verifyActions(_ s: inout HealState, _ o: Observation, whatsapp: WhatsAppVerdict, newBoot: Bool,
                              now: Date, config: HealConfig, into decisions: inout [Decision]) {
        var remaining: [PendingVerification] = []
        for var v in s.disruptive.verifications {
            switch judge(&v, o, whatsapp: whatsapp, newBoot: newBoot, now: now) {
            case .pending:
                remaining.append(v)
            case .verified(let detail):
                record(&s, v, verified: true, detail: detail, now: now, into: &decisions)
            case .didNotHelp(let detail):
                record(&s, v, verified: false, detail: detail, now: now, into: &decisions)
            case .unsupported(let detail):
                s.disruptive.ladder.channelLifecycleUnsupported = true
                s.disruptive.ladder.step = .gatewayNext
                decisions.append(Decision(incident: v.incident, rule: v.rule,
                                          trigger: "channel restart not possible: \(detail); a gateway restart is next",
                                          evidence: ["target \(v.target)"]))
            }
        }
        s.disruptive.verifications = remaining
    }

    enum VerificationResult: Equatable {
        case pending
        case verified(String)
        case didNotHelp(String)
        /// The gateway does not know the channel RPCs: not a verdict, the next step.
        case unsupported(String)
    }

    static func judge(_ v: inout PendingVerification, _ o: Observation, whatsapp: WhatsAppVerdict, newBoot: Bool,
                      now: Date) -> VerificationResult {
        let late = now >= v.deadline
        switch v.kind {
        case .gatewayRestart:
            let g = o.gateway
            var booted = false
            if let pid = g.pid, let before = v.pidBefore, pid != before { booted = true }
            if let started = g.startedAt {
                if let before = v.startedAtBefore { booted = booted || started > before }
                else { booted = booted || started >= v.startedAt.addingTimeInterval(-5) }
            }
            let noBootEvidence = g.pid == nil && g.startedAt == nil
            if noBootEvidence && v.commandDone && v.commandOutcome == .executed { booted = true }
            let answering = g.ready == true || (g.ready == nil && (g.rpcOk == true || g.live == true))
            let ready = booted && answering && !g.safeMode
            let bootText = g.pid.map { "new pid \($0)" } ?? g.startedAt.map { "started \(iso($0))" } ?? "restart command done"
            if ready && v.rule == Rule.whatsappRestart {
                if whatsapp == .connected { return .verified("\(bootText), ready, WhatsApp connected again") }
                return late ? .didNotHelp("the gateway restarted (\(bootText)) but WhatsApp is still \(whatsapp.status) after \(seconds(now.timeIntervalSince(v.startedAt))) s") : .pending
            }
            if ready { return .verified("\(bootText), ready") }
            guard late else { return .pending }
            var why = booted ? "the gateway restarted but is not ready" : "no new gateway process seen"
            if g.safeMode { why += "; it is in safe mode" }
            if let outcome = v.commandOutcome { why += " (restart command: \(outcome))" }
            return .didNotHelp(why + " within \(seconds(v.deadline.timeIntervalSince(v.startedAt))) s")
        case .channelRestart, .channelStart:
            if v.commandOutcome == .unsupported { return .unsupported("the gateway does not know channels.start/channels.stop") }
            if whatsapp == .connected { return .verified("WhatsApp connected again") }
            if v.commandDone && v.commandOutcome == .failed { return .didNotHelp("the channel command failed") }
            return late ? .didNotHelp("WhatsApp still \(whatsapp.status) \(seconds(now.timeIntervalSince(v.startedAt))) s after the channel \(v.kind == .channelStart ? "start" : "restart")") : .pending
        case .cronDisable:
            guard let jobs = o.cronJobs.value else { return late ? .didNotHelp("cron jobs could not be listed to check") : .pending }
            guard let job = jobs.first(where: { $0.id == v.target }) else { return .verified("the job is gone from `cron list --all`") }
            if !job.enabled { return .verified("the job is seen disabled") }
            return late ? .didNotHelp("the job is still enabled") : .pending
        case .pluginDisable:
            guard let plugins = o.plugins.value else { return late && !v.awaitingNextStart ? .didNotHelp("plugins could not be listed to check") : .pending }
            guard let plugin = plugins.first(where: { $0.id == v.target }) else { return .verified("the plugin is gone from `plugins list`") }
            if plugin.status == "disabled" { return .verified("the plugin is seen disabled") }
            if !plugin.enabled {
                if v.awaitingNextStart && newBoot { return .verified("disabled in the config; the gateway restarted since") }
                v.awaitingNextStart = true   // takes effect at the next gateway start: pending until then
                return .pending
            }
            return late ? .didNotHelp("the plugin is still enabled") : .pending
        }
    }

    private static func record(_ s: inout HealState, _ v: PendingVerification, verified: Bool, detail: String,
                               now: Date, into decisions: inout [Decision]) {
        let result = verified ? "verified" : "did-not-help"
        s.disruptive.tally["\(v.kind.rawValue) \(result)", default: 0] += 1
        s.disruptive.recent.append(VerificationVerdict(kind: v.kind.rawValue, target: v.target, incident: v.incident,
                                                       result: result, at: now, detail: detail))
        if s.disruptive.recent.count > DisruptiveState.recentLimit {
            s.disruptive.recent.removeFirst(s.disruptive.recent.count - DisruptiveState.recentLimit)
        }
        let metric = MetricEvent(event: verified ? Rule.actionVerified : Rule.actionDidNotHelp,
                                 fields: ["kind": .string(v.kind.rawValue), "target": .string(v.target),
                                          "afterSec": .int(seconds(now.timeIntervalSince(v.startedAt)))])
        var trigger = "\(v.kind.rawValue) of \(v.target) \(result): \(detail)"
        if !verified {
            let next = escalate(&s, v)
            trigger += "; " + next
        } else if v.kind == .gatewayRestart || v.kind == .channelRestart || v.kind == .channelStart {
            s.disruptive.gatewayRestartExhausted = false
        }
        decisions.append(Decision(incident: v.incident, rule: verified ? Rule.actionVerified : Rule.actionDidNotHelp,
                                  trigger: trigger, evidence: ["decided by \(v.rule) at \(iso(v.startedAt))"], metric: metric,
                                  subject: "\(v.kind.rawValue) \(v.target)"))
    }

    /// The next step after an action that did not help, in words (what a human must do at the end).
    private static func escalate(_ s: inout HealState, _ v: PendingVerification) -> String {
        switch v.kind {
        case .channelRestart:
            s.disruptive.ladder.step = .gatewayNext
            return "a gateway restart is next"
        case .channelStart:
            s.disruptive.ladder.step = .exhausted
            return "what to do: start the account yourself with `openclaw gateway call channels.start --params '{\"channel\":\"whatsapp\",\"accountId\":\"\(v.target.split(separator: ":").last ?? "default")\"}' --json` or wait for the safe-mode window to drain"
        case .gatewayRestart where v.rule == Rule.whatsappRestart:
            s.disruptive.ladder.step = .exhausted
            return "what to do: check the phone (online, WhatsApp open, linked devices) and re-link with `openclaw channels login` if it was unlinked; the healer makes no further restart for this outage"
        case .gatewayRestart:
            s.disruptive.gatewayRestartExhausted = true
            return "what to do: read `journalctl --user -u openclaw-gateway.service` and `openclaw gateway status`; the healer makes no further restart until the gateway is seen up"
        case .cronDisable:
            return "what to do: disable it yourself with `openclaw cron disable \(v.target)`"
        case .pluginDisable:
            return "what to do: disable it yourself with `openclaw plugins disable \(v.target)` and restart the gateway"
        }
    }

    /// Cron and plugin disables decided this tick get a verification too (restarts register
    /// theirs when they are granted). Nothing is verified in dry run: nothing ran.
    static func registerDisableVerifications(_ s: inout HealState, _ decisions: [Decision], now: Date, config: HealConfig) {
        guard !config.dryRun else { return }
        for d in decisions where d.isRunnable {
            let kind: PendingVerification.Kind
            let target: String
            switch d.action {
            case .disableCron(let id, _)?: kind = .cronDisable; target = id
            case .disablePlugin(let id)?: kind = .pluginDisable; target = id
            default: continue
            }
            s.disruptive.verifications.removeAll { $0.kind == kind && $0.target == target }
            s.disruptive.verifications.append(PendingVerification(
                kind: kind, incident: d.incident, rule: d.rule, target: target, startedAt: now,
                deadline: now.addingTimeInterval(TimeInterval(config.gateway.verifyWindowSec))))
        }
    }

    /// What a command's outcome means for its verification: a failed disable is not verified (its
    /// rule retries it); a restart's verification learns that its command returned and how.
    public static func applyCommandOutcome(state: HealState, decision: Decision, outcome: ActionOutcome, now: Date) -> HealState {
        var s = applyOutcome(state: state, decision: decision, ok: outcome.ok || outcome.pending, now: now)
        guard let action = decision.action else { return s }
        for i in s.disruptive.verifications.indices where s.disruptive.verifications[i].incident == decision.incident {
            let v = s.disruptive.verifications[i]
            let matches: Bool
            switch (action, v.kind) {
            case (.restartGateway, .gatewayRestart), (.restartChannel, .channelRestart), (.restartChannel, .channelStart): matches = true
            case (.disableCron(let id, _), .cronDisable), (.disablePlugin(let id), .pluginDisable): matches = id == v.target
            default: matches = false
            }
            guard matches else { continue }
            s.disruptive.verifications[i].commandDone = true
            s.disruptive.verifications[i].commandOutcome = outcome.audited
        }
        switch action {
        case .restartChannel where outcome.unsupported:
            // Nothing was restarted: the budget gets its restart back, so the next step is not
            // held up by a backoff that no restart earned.
            if let v = s.disruptive.verifications.first(where: { $0.incident == decision.incident && $0.commandOutcome == .unsupported }) {
                if let i = s.restartBudget.restarts.lastIndex(of: v.startedAt) { s.restartBudget.restarts.remove(at: i) }
                if s.restartBudget.lastRestartAt == v.startedAt { s.restartBudget.lastRestartAt = s.restartBudget.restarts.last }
            }
        case .disableCron(let id, _) where !outcome.ok:
            s.disruptive.verifications.removeAll { $0.kind == .cronDisable && $0.target == id }
        case .disablePlugin(let id) where !outcome.ok:
            s.disruptive.verifications.removeAll { $0.kind == .pluginDisable && $0.target == id }
        default: break
        }
        return s
    }
}
