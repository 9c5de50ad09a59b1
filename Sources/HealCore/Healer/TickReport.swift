import FoundationEssentials

/// What one tick did, for the monitor loop (logging, /health, watchdog gating). The `STATUS=`
/// line is `StatusLine` (SelfHealDaemon), rendered from the snapshot.
public struct TickReport: Sendable, Equatable {
    public var at: Date
    public var decisions: [DecisionRecord]
    public var health: Health
    public var faults: [String: String]
    public var durationMs: Int
    /// The state was saved at the end of the tick.
    public var persisted: Bool
    public init(at: Date, decisions: [DecisionRecord], health: Health, faults: [String: String], durationMs: Int,
                persisted: Bool) {
        self.at = at; self.decisions = decisions; self.health = health; self.faults = faults
        self.durationMs = durationMs; self.persisted = persisted
    }
}
