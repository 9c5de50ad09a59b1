/// One thing the policy decided, with its reasons. Every decision becomes one audit record.
public struct Decision: Sendable, Equatable, Codable {
    /// Groups the decisions one cause produced (a failure's cooldown and its repins share one).
    public var incident: String
    /// Which rule decided (see `Rule`).
    public var rule: String
    /// What set the rule off, in a sentence.
    public var trigger: String
    /// The facts behind it (raw: the healer redacts on output).
    public var evidence: [String]
    /// The action to run; nil for alerts and bookkeeping decisions.
    public var action: HealAction?
    /// Set when the action must not run (config guard, restart budget, backoff); the audit says why.
    public var refusal: String?
    /// The heal event for `metricsFile`, written once the action ran (or was planned in dry run).
    public var metric: MetricEvent?
    /// What the decision is about when the rule can concern several things (a cron job or plugin
    /// id); nil: the action's target, if any. Keys the incident it raises (`IncidentTracker`).
    public var subject: String?

    public init(incident: String, rule: String, trigger: String, evidence: [String] = [],
                action: HealAction? = nil, refusal: String? = nil, metric: MetricEvent? = nil,
                subject: String? = nil) {
        self.incident = incident; self.rule = rule; self.trigger = trigger; self.evidence = evidence
        self.action = action; self.refusal = refusal; self.metric = metric; self.subject = subject
    }

    /// Whether the healer should run `action` (it has one and nothing refused it).
    public var isRunnable: Bool { action != nil && refusal == nil }
}
