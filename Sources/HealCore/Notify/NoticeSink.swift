/// Where the healer hands the messages it decided: the durable outbox. `accept` returns only once
/// the notices are on disk (fsync), so the healer can forget them; it answers with the ids it now
/// holds (new or already there: a replay after a crash is not queued twice).
public protocol NoticeSink: Sendable {
    func accept(_ notices: [IncidentNotice]) -> Set<String>
}
