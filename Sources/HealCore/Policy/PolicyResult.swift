/// The policy's answer: the state to keep and what it decided, in the order to carry out.
public struct PolicyResult: Sendable, Equatable {
    public var state: HealState
    public var decisions: [Decision]
    public init(state: HealState, decisions: [Decision]) { self.state = state; self.decisions = decisions }
}
