/// What the classifier made of an error: its reason (nil when the text is no failure it knows) and
/// how long the provider asked to wait, when the text says.
public struct Classification: Sendable, Equatable {
    public var reason: FailureReason?
    public var retryAfterSec: Int?
    public init(reason: FailureReason?, retryAfterSec: Int? = nil) {
        self.reason = reason; self.retryAfterSec = retryAfterSec
    }
}
