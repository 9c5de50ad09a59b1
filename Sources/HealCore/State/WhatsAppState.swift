import FoundationEssentials

/// The WhatsApp link as the healer has followed it over ticks.
public struct WhatsAppState: Sendable, Equatable, Codable {
    /// Consecutive ticks that saw the link configured, linked and down.
    public var disconnectStreak: Int
    /// When the healer first saw the current outage.
    public var firstDisconnectedAt: Date?
    /// Last gateway restart the healer made for WhatsApp.
    public var lastRestartAt: Date?
    /// connected|disconnected|unknown|not-configured|logged-out|conflict|gateway-unreachable.
    public var lastStatus: String
    /// Human detail of the last observation (health state, last error).
    public var lastDetail: String
    /// The condition last alerted on (logged-out, conflict, disconnected), so one alert is made
    /// per episode and not one per tick.
    public var alerted: String?

    public init(disconnectStreak: Int = 0, firstDisconnectedAt: Date? = nil, lastRestartAt: Date? = nil,
                lastStatus: String = "unknown", lastDetail: String = "", alerted: String? = nil) {
        self.disconnectStreak = disconnectStreak; self.firstDisconnectedAt = firstDisconnectedAt
        self.lastRestartAt = lastRestartAt; self.lastStatus = lastStatus; self.lastDetail = lastDetail
        self.alerted = alerted
    }
}
