import Foundation

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
    /// The gateway answered live.
    case gatewayLive
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
            return o.gateway.live == true || (o.gateway.live == nil && o.gateway.reachable == true)
        case .modelAvailable:
            return !ModelPool(state: s, order: config.modelOrder, now: now).available.isEmpty
        case .quietFor(let seconds):
            return now.timeIntervalSince(incident.lastSeenAt) >= seconds
        }
    }
}
