import FoundationEssentials

/// One message about an incident (or about maintenance, or a test), as decided by the healer and
/// before any target's format is applied. `id` is unique per message and stable across restarts.
public struct IncidentNotice: Sendable, Equatable, Codable {
    public enum Event: String, Sendable, Codable {
        case opened, reminder, resolved
        case maintenanceStarted = "maintenance-started"
        case maintenanceEnded = "maintenance-ended"
        case test
    }

    /// `<incident>/opened`, `<incident>/reminder-<n>`, `<incident>/resolved`, …
    public var id: String
    public var incident: String
    public var event: Event
    public var severity: IncidentSeverity
    public var rule: String
    public var title: String
    public var summary: String
    public var evidence: [String]
    public var startedAt: Date
    public var resolvedAt: Date?
    public var dryRun: Bool
    /// When the healer decided it.
    public var createdAt: Date

    /// `firing` or `resolved`, as the webhook body says.
    public var status: String {
        switch event {
        case .resolved, .maintenanceEnded: return "resolved"
        case .opened, .reminder, .maintenanceStarted, .test: return "firing"
        }
    }

    public init(id: String, incident: String, event: Event, severity: IncidentSeverity, rule: String, title: String,
                summary: String, evidence: [String], startedAt: Date, resolvedAt: Date? = nil, dryRun: Bool, createdAt: Date) {
        self.id = id; self.incident = incident; self.event = event; self.severity = severity; self.rule = rule
        self.title = title; self.summary = summary; self.evidence = evidence; self.startedAt = startedAt
        self.resolvedAt = resolvedAt; self.dryRun = dryRun; self.createdAt = createdAt
    }
}
