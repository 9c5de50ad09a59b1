import FoundationEssentials

/// One plugin as the healer follows it.
public struct PluginTrack: Sendable, Equatable, Codable {
    public var name: String
    /// loaded|disabled|error at the last observation.
    public var lastStatus: String
    public var lastError: String?
    public var disabledByUs: Bool
    public var lastDisableAt: Date?
    public var lastAlertAt: Date?
    public var lastIssueAt: Date?
    /// The condition last reported (an unknown status), so it is reported once, not every tick.
    public var reported: String?

    public init(name: String, lastStatus: String, lastError: String? = nil, disabledByUs: Bool = false,
                lastDisableAt: Date? = nil, lastAlertAt: Date? = nil, lastIssueAt: Date? = nil) {
        self.name = name; self.lastStatus = lastStatus; self.lastError = lastError
        self.disabledByUs = disabledByUs; self.lastDisableAt = lastDisableAt
        self.lastAlertAt = lastAlertAt; self.lastIssueAt = lastIssueAt
    }
}
