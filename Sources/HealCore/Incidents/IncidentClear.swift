import FoundationEssentials

/// When the healer sees an incident fixed. Each case is judged on the state after the tick and
/// the tick's observation; "cannot tell" (nothing observed) keeps the incident open.
public enum IncidentClear: Sendable, Equatable {
    /// The WhatsApp link is connected again (or no longer configured): nothing is alerted.
    case whatsappBack
    /// The restart pause ended.
    case restartsResumed
    /// `openclaw.json` parses again.
    case configValid
    /// The cron job (the subject) runs enabled without counted failures, or is gone.
    case cronBack
    /// The plugin (the subject) is no longer disabled by the healer nor in error, or is gone.
    case pluginBack
    /// The gateway is up again: its RPC answers, or `/healthz` says live (the restart rule's judgement).
    case gatewayLive
    /// The plugin (the subject) loads again, was disabled by its owner, or is gone.
    case pluginLoaded
    /// The gateway is out of the crash-loop breaker's safe mode.
    case safeModeOver
    /// The link (`gateway` false) or the gateway stopped flapping.
    case flappingOver(gateway: Bool)
    /// What a repair that did not help was for (the subject: "<verification kind> <target>") is
    /// healthy again.
    case repairHealthy
    /// At least one model of `modelOrder` is out of cooldown.
    case modelAvailable
    /// One-shot findings (an action that did not help, a flapping link): fixed once the rule has
    /// not raised it again for this many seconds.
    case quietFor(TimeInterval)

    /// Whether the incident is fixed now.
    func isCleared(_ incident: OpenIncident, state s: HealState, observation o: Observation, now: Date,
                   config: HealConfig) -> Bool {
        switch self {
        case .whatsappBack:
            return s.whatsapp.alerted == nil
        case .restartsResumed:
            return s.restartBudget.pausedUntil == nil
        case .configValid:
            return o.openclawConfig == .valid
        case .cronBack:
            guard o.cronJobs.value != nil else { return false }
            guard let t = s.crons[incident.subject] else { return true }
            return !t.disabledByUs && t.reported != "failing" && t.enabled
        case .pluginBack:
            guard o.plugins.value != nil else { return false }
            guard let t = s.plugins[incident.subject] else { return true }
            return !t.disabledByUs && t.lastStatus != "error"
        case .gatewayLive:
            return Self.gatewayUp(o)
        case .pluginLoaded:
            guard let plugins = o.plugins.value else { return false }
            guard let p = plugins.first(where: { $0.id == incident.subject }) else { return true }
            return p.status == "loaded" || (p.status == "disabled" && s.plugins[p.id]?.disabledByUs != true)
        case .safeModeOver:
            return !o.gateway.safeMode && Self.gatewayUp(o)
        case .flappingOver(let gateway):
            return !(gateway ? s.disruptive.gatewayFlap.isFlapping : s.disruptive.whatsappFlap.isFlapping)
        case .repairHealthy:
            return Self.repairHealthy(incident.subject, state: s, observation: o)
        case .modelAvailable:
            return !ModelPool(state: s, order: config.modelOrder, now: now).available.isEmpty
        case .quietFor(let seconds):
            return now.timeIntervalSince(incident.lastSeenAt) >= seconds
        }
    }

    static func gatewayUp(_ o: Observation) -> Bool {
        if case .up = Policy.condition(of: o.gateway) { return true }
        return false
    }

    private static func repairHealthy(_ subject: String, state s: HealState, observation o: Observation) -> Bool {
        let parts = subject.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2, let kind = PendingVerification.Kind(rawValue: parts[0]) else { return gatewayUp(o) }
        let target = parts[1]
        switch kind {
        case .gatewayRestart:
            return gatewayUp(o) && !o.gateway.safeMode
        case .channelRestart, .channelStart:
            return o.whatsapp.value?.connected == true
        case .cronDisable:
            guard let jobs = o.cronJobs.value else { return false }
            return jobs.first(where: { $0.id == target }).map { !$0.enabled } ?? true
        case .pluginDisable:
            guard let plugins = o.plugins.value else { return false }
            return plugins.first(where: { $0.id == target }).map { !$0.enabled || $0.status == "loaded" } ?? true
        }
    }
}
