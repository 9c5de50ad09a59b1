import FoundationEssentials

/// An incident that needs a human, from the first evidence until the healer sees it fixed.
public struct OpenIncident: Sendable, Equatable, Codable {
    /// The incident id of the decision that raised it (the audit log's), so every message, record
    /// and status line of one problem carries the same id.
    public var id: String
    /// The rule that raised it (`IncidentCatalog` key).
    public var rule: String
    /// What it is about (a cron job or plugin id); empty when the rule has one subject only.
    public var subject: String
    public var severity: IncidentSeverity
    public var title: String
    public var summary: String
    public var evidence: [String]
    public var startedAt: Date
    /// Last time the rule raised it again (for `IncidentClear.quietFor`).
    public var lastSeenAt: Date
    /// When the firing message was queued; nil while none was (maintenance, folded).
    public var notifiedAt: Date?
    /// When the last message about it (firing or reminder) was queued.
    public var lastNotifiedAt: Date?
    public var reminders: Int
    /// Folded into this gateway incident: no message of its own while that one is open.
    public var foldedInto: String?
    /// Titles of the incidents folded into this one (a gateway incident).
    public var folded: [String]

    /// `rule:subject`: one open incident per key.
    public var key: String { IncidentBook.key(rule: rule, subject: subject) }
}
