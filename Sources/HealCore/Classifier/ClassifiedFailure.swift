/// A failure with the verdict its intake gave it: the log parser or the `POST /events` reader
/// classifies each failure once, and the policy takes that verdict as it is instead of reading the
/// text again. The event's fields read through (`failure.sessionKey`).
@dynamicMemberLookup
public struct ClassifiedFailure: Sendable, Equatable {
    public var event: FailureEvent
    public var classification: Classification

    public init(event: FailureEvent, classification: Classification) {
        self.event = event; self.classification = classification
    }

    public subscript<Value>(dynamicMember field: KeyPath<FailureEvent, Value>) -> Value { event[keyPath: field] }

    /// An event whose `reason`, `retryAfterSec` and `resetAt` already are its intake's verdict (the
    /// log parser writes them from its one classification, or from OpenClaw's own reason).
    public init(classified event: FailureEvent) {
        self.event = event
        classification = Classification(reason: event.reason, retryAfterSec: event.retryAfterSec, resetAt: event.resetAt)
    }

    /// Classifies `event` (the one time): a reason the source gave is kept and its text read for
    /// retry hints only; a wait the source gave makes the hints moot, so the text is not read then.
    public init(classifying event: FailureEvent) {
        self.event = event
        if let reason = event.reason {
            classification = event.retryAfterSec != nil || event.resetAt != nil
                ? Classification(reason: reason, retryAfterSec: event.retryAfterSec, resetAt: event.resetAt)
                : ErrorClassifier.hints(in: event.errorText, reason: reason)
        } else {
            classification = ErrorClassifier.classify(event.errorText, httpStatus: event.httpStatus,
                                                      provider: event.model?.provider)
        }
    }
}
