/// What one kind of incident means to a human: how urgent, a title, what to do, and when the
/// healer counts it as fixed. Entries live in `IncidentCatalog`, keyed by the rule that raises them.
public struct IncidentKind: Sendable {
    public var severity: IncidentSeverity
    /// One line; `{subject}` is replaced by what it is about (a job, a plugin), when there is one.
    public var title: String
    /// What the human should do.
    public var advice: String
    public var clears: IncidentClear
    /// Depends on a running gateway (a WhatsApp link, cron runs): while a gateway incident is open,
    /// it is folded into that one instead of being sent on its own.
    public var dependsOnGateway: Bool
    /// The gateway itself is down or failed: dependents fold into it.
    public var isGatewayIncident: Bool
    /// Whether reminders go out while it stays open (not for a state someone chose, such as a
    /// gateway stopped by its owner: one message says it).
    public var reminds: Bool

    public init(_ severity: IncidentSeverity, _ title: String, advice: String, clears: IncidentClear,
                dependsOnGateway: Bool = false, isGatewayIncident: Bool = false, reminds: Bool = true) {
        self.severity = severity; self.title = title; self.advice = advice; self.clears = clears
        self.dependsOnGateway = dependsOnGateway; self.isGatewayIncident = isGatewayIncident; self.reminds = reminds
    }

    func title(subject: String) -> String {
        title.replacing("{subject}", with: subject.isEmpty ? "?" : subject)
    }
}
