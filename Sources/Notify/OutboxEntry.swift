import FoundationEssentials
import HealCore

/// A message waiting for one target.
public struct OutboxEntry: Sendable, Equatable, Codable {
    public var notice: IncidentNotice
    public var queuedAt: Date
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastError: String?
}
