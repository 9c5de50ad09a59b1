import FoundationEssentials

/// A pause asked for by the owner (`pause`, `POST /pause`): until `until` the healer observes,
/// records and serves, but takes no disruptive action and sends only the maintenance messages.
public struct MaintenanceState: Sendable, Equatable, Codable {
    public var id: String
    public var since: Date
    public var until: Date
    public var reason: String

    public static let defaultSec = 3600
    public static let maxSec = 7 * 86_400

    public init(id: String, since: Date, until: Date, reason: String) {
        self.id = id; self.since = since; self.until = until; self.reason = reason
    }

    public func isActive(at now: Date) -> Bool { now < until }
}
