import FoundationEssentials

/// A model the healer keeps out of the pool until `until`, and why.
public struct ModelCooldown: Sendable, Equatable, Codable {
    /// When the failure that started (or last extended) this cooldown happened.
    public var since: Date
    public var until: Date
    public var reason: FailureReason
    /// Where the failure came from: `log`, `http` or `probe`.
    public var source: String
    /// The error text that caused it, redacted and shortened.
    public var evidence: String
    /// The provider's own wait, when the error carried one (it wins over the ladder).
    public var retryAfterSec: Int?
    /// The absolute time the provider said its quota resets, when it said one: no probe before it
    /// (it can only meet the same limit).
    public var resetAt: Date?

    public init(since: Date, until: Date, reason: FailureReason, source: String, evidence: String,
                retryAfterSec: Int? = nil, resetAt: Date? = nil) {
        self.since = since; self.until = until; self.reason = reason; self.source = source
        self.evidence = evidence; self.retryAfterSec = retryAfterSec; self.resetAt = resetAt
    }

    public func isActive(at now: Date) -> Bool { until > now }
}
