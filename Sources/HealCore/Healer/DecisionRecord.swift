import FoundationEssentials

/// A decision together with what happened to it.
public struct DecisionRecord: Sendable, Equatable, Codable {
    public var decision: Decision
    /// executed | failed | planned | refused | recorded
    public var outcome: AuditOutcome
    public var detail: String
    public var plan: ActionPlan?
    public var dryRun: Bool
    public init(decision: Decision, outcome: AuditOutcome, detail: String, plan: ActionPlan?, dryRun: Bool) {
        self.decision = decision; self.outcome = outcome; self.detail = detail; self.plan = plan; self.dryRun = dryRun
    }
}
