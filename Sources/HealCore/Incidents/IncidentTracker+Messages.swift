import FoundationEssentials

extension IncidentTracker {
    static func message(_ incident: OpenIncident, _ event: IncidentNotice.Event, id: String, now: Date,
                        config: HealConfig) -> IncidentNotice {
        let openFor = Int(now.timeIntervalSince(incident.startedAt) / 60)
        var summary = incident.summary
        var title = incident.title
        switch event {
        case .reminder: title = "Still open: " + title; summary = "Open for \(openFor) min. " + summary
        case .resolved: title = "Resolved: " + title; summary = "The healer saw it fixed after \(openFor) min."
        default: break
        }
        var evidence = incident.evidence
        if !incident.folded.isEmpty { evidence += incident.folded.map { "also affected: \($0)" } }
        return IncidentNotice(id: id, incident: incident.id, event: event, severity: incident.severity, rule: incident.rule,
                              title: title, summary: summary, evidence: evidence, startedAt: incident.startedAt,
                              resolvedAt: event == .resolved ? now : nil, dryRun: config.dryRun, createdAt: now)
    }

    /// "Morning brief (3f1c)" for a cron job or plugin the state knows, else the id.
    static func displayName(_ subject: String, rule: String, state s: HealState) -> String {
        guard !subject.isEmpty else { return "" }
        if rule.hasPrefix("cron"), let name = s.crons[subject]?.name, name != subject { return "\(name) (\(subject))" }
        if rule.hasPrefix("plugin"), let name = s.plugins[subject]?.name, name != subject { return "\(name) (\(subject))" }
        return subject
    }
}
