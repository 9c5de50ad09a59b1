import FoundationEssentials

/// What the classifier made of an error: its reason (nil when the text is no failure it knows) and
/// how long the provider asked to wait, when the text says.
public struct Classification: Sendable, Equatable {
    public var reason: FailureReason?
    /// A relative wait the text carried: `Retry-After: 30`, `try again in 1m30s`,
    /// `"retryDelay": "34s"`, `resets in 3 hours`.
    public var retryAfterSec: Int?
    /// An absolute reset time the text carried (`resets at 2026-08-22T15:00:00Z`, Claude's
    /// `usage limit reached|<unix time>`, an HTTP-date `Retry-After`). Kept absolute so the
    /// classifier needs no clock; `waitSeconds(now:)` turns it into a wait.
    public var resetAt: Date?

    public init(reason: FailureReason?, retryAfterSec: Int? = nil, resetAt: Date? = nil) {
        self.reason = reason; self.retryAfterSec = retryAfterSec; self.resetAt = resetAt
    }

    /// Seconds to wait from `now`: the relative hint when there is one, else the time left until
    /// `resetAt` (0 once it has passed); nil when the text said neither.
    public func waitSeconds(now: Date) -> Int? {
        if let retryAfterSec { return retryAfterSec }
        guard let resetAt else { return nil }
        let left = resetAt.timeIntervalSince(now)
        return left <= 0 ? 0 : Int(min(left.rounded(.up), Double(RetryHint.maxWaitSec)))
    }
}
