import FoundationEssentials

/// What the snapshot is built from besides the state and config: the healer's runtime facts.
public struct StatusInputs: Sendable {
    public var now: Date
    public var version: String
    public var pid: Int32
    public var startedAt: Date
    public var lastTickAt: Date?
    public var lastTickDurationMs: Int
    /// The gateway as last observed (nil before the first tick).
    public var gateway: GatewayObservation?
    public var faults: [String: String]
    public var counters: StatusSnapshot.Counters
    /// The last tick ran (or planned) a heal action.
    public var lastTickActed: Bool

    public init(now: Date, version: String, pid: Int32, startedAt: Date, lastTickAt: Date? = nil,
                lastTickDurationMs: Int = 0, gateway: GatewayObservation? = nil, faults: [String: String] = [:],
                counters: StatusSnapshot.Counters = .init(ticks: 0, gatewayRestarts: 0, healActions: []),
                lastTickActed: Bool = false) {
        self.now = now; self.version = version; self.pid = pid; self.startedAt = startedAt
        self.lastTickAt = lastTickAt; self.lastTickDurationMs = lastTickDurationMs; self.gateway = gateway
        self.faults = faults; self.counters = counters; self.lastTickActed = lastTickActed
    }
}
