/// What `StateStore.load()` found: the state to start from and notes for the log (a missing file,
/// a corrupt one moved aside).
public struct StateLoadResult: Sendable, Equatable {
    public var state: HealState
    public var notes: [String]
    /// Set when the file existed but could not be used and the healer starts clean.
    public var startedClean: Bool
    public init(state: HealState, notes: [String], startedClean: Bool) {
        self.state = state; self.notes = notes; self.startedClean = startedClean
    }
}
