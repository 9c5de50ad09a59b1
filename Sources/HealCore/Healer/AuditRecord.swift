import FoundationEssentials

/// One line of the audit log: a decision and what came of it.
public struct AuditRecord: Sendable, Equatable, Codable {
    public var time: Date
    public var incident: String
    public var rule: String
    public var trigger: String
    public var evidence: [String]
    public var action: Action?
    public var dryRun: Bool
    public var outcome: AuditOutcome
    public var detail: String

    public struct Action: Sendable, Equatable, Codable {
        public var kind: String
        /// The action in words (target and reason).
        public var summary: String
        /// The exact commands or file patch (from `GatewayControl.plan`).
        public var plan: ActionPlan?
        public init(kind: String, summary: String, plan: ActionPlan?) {
            self.kind = kind; self.summary = summary; self.plan = plan
        }
    }

    public init(time: Date, incident: String, rule: String, trigger: String, evidence: [String],
                action: Action?, dryRun: Bool, outcome: AuditOutcome, detail: String) {
        self.time = time; self.incident = incident; self.rule = rule; self.trigger = trigger
        self.evidence = evidence; self.action = action; self.dryRun = dryRun; self.outcome = outcome
        self.detail = detail
    }

    /// The same record with every free text passed through `Redactor` (and kept to a sane size).
    public func redacted() -> AuditRecord {
        var r = self
        r.trigger = Redactor.redact(trigger, maxBytes: 2000)
        r.evidence = evidence.map { Redactor.redact($0, maxBytes: 4000) }
        r.detail = Redactor.redact(detail, maxBytes: 4000)
        if var a = r.action {
            a.summary = Redactor.redact(a.summary, maxBytes: 2000)
            if var plan = a.plan {
                plan.argv = plan.argv.map { $0.map { Redactor.redact($0, maxBytes: IssueComposer.maxBodyBytes + 1024) } }
                plan.filePatch = plan.filePatch.map { Redactor.redact($0, maxBytes: 16 * 1024) }
                a.plan = plan
            }
            r.action = a
        }
        return r
    }
}
