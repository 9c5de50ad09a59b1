import FoundationEssentials

/// An action the healer was about to run when it last saved its state. Cleared once the outcome
/// is in the audit log; one still present at startup means the healer stopped mid-action, and the
/// audit log gets an "interrupted" record for it.
public struct InFlightAction: Sendable, Equatable, Codable {
    public var incident: String
    public var rule: String
    public var kind: String
    public var summary: String
    public var dryRun: Bool
    public var startedAt: Date
    public init(incident: String, rule: String, kind: String, summary: String, dryRun: Bool, startedAt: Date) {
        self.incident = incident; self.rule = rule; self.kind = kind; self.summary = summary
        self.dryRun = dryRun; self.startedAt = startedAt
    }
}
