/// What came of one failure event (`POST /events` answers with it).
public struct IngestResult: Sendable, Equatable, Codable {
    /// The event was about a model failure and a model could be blamed.
    public var accepted: Bool
    public var verdict: FailureVerdict
    public var decisions: [DecisionRecord]
    public init(accepted: Bool, verdict: FailureVerdict, decisions: [DecisionRecord]) {
        self.accepted = accepted; self.verdict = verdict; self.decisions = decisions
    }
}
