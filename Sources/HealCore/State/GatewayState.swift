import FoundationEssentials

/// The gateway's liveness as followed over ticks.
public struct GatewayState: Sendable, Equatable, Codable {
    /// Consecutive ticks that saw the gateway down (not live).
    public var downStreak: Int
    public var downSince: Date?
    /// Last time the gateway was seen live. A gateway never seen live is not restarted: it may not
    /// be installed at all, and restarting what was never up heals nothing.
    public var lastSeenLiveAt: Date?

    public init(downStreak: Int = 0, downSince: Date? = nil, lastSeenLiveAt: Date? = nil) {
        self.downStreak = downStreak; self.downSince = downSince; self.lastSeenLiveAt = lastSeenLiveAt
    }
}
