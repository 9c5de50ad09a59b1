import Foundation

extension Policy {
    /// Adjusts the state after an action ran. Success (and a dry-run plan) keeps what the decision
    /// already recorded; a failure undoes what would otherwise be wrong:
    /// - a failed cron or plugin disable: the job/plugin is not "disabled by the healer" (the cron
    ///   disable is retried after `actionRetrySec`; the plugin after its cooldown);
    /// - a restore of a session pin that succeeded forgets the memory; a failed one keeps it for a
    ///   retry (a failed repin is retried by the repin rule);
    /// - restarts and issues count as attempted either way (the budget must hold even when the
    ///   restart command fails).
    public static func applyOutcome(state: HealState, decision: Decision, ok: Bool, now: Date) -> HealState {
        var s = state
        guard let action = decision.action else { return s }
        switch action {
        case .disableCron(let id, _):
            if ok {
                s.crons[id]?.disableSucceededAt = now
            } else {
                s.crons[id]?.disabledByUs = false; s.crons[id]?.disabledAt = nil
            }
        case .disablePlugin(let id):
            if !ok { s.plugins[id]?.disabledByUs = false }
        case .repinSession(let key, _, let to):
            if decision.rule == Rule.sessionRestore, ok, s.pins[key]?.original == to {
                s.pins[key] = nil
            }
        case .restartGateway, .probeModel, .fileIssue, .restartChannel:
            break
        }
        return s
    }
}
