import FoundationEssentials

extension Policy {
    /// Adjusts the state after an action ran. Success (and a dry-run plan) keeps what the decision
    /// already recorded; a failure undoes what would otherwise be wrong:
    /// - a failed cron or plugin disable: the job/plugin is not "disabled by the healer" (the cron
    ///   disable is retried after `actionRetrySec`; the plugin after its cooldown);
    /// - a restore of a session pin that succeeded forgets the memory; a failed one keeps it for a
    ///   retry (a failed repin is retried by the repin rule);
    /// - restarts count as attempted either way (the budget must hold even when the restart
    ///   command fails); an issue that could not be filed gives its cooldown back.
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
        case .restoreSessionPin(let key, _, let to):
            if ok, s.pins[key]?.original == to { s.pins[key] = nil }
        case .clearSessionPin(let key, _):
            if ok { s.pins[key] = nil }
        case .fileIssue(let issue):
            // A filing that failed did not use up the cooldown: the next occasion files again.
            guard !ok, let subject = issue.subject else { break }
            if subject.hasPrefix("cron:") { s.crons[String(subject.dropFirst(5))]?.lastIssueAt = nil }
            if subject.hasPrefix("plugin:") { s.plugins[String(subject.dropFirst(7))]?.lastIssueAt = nil }
        case .repinSession, .restartGateway, .probeModel, .restartChannel:
            break
        }
        return s
    }
}
