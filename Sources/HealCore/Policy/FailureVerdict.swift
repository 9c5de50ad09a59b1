/// How the policy read one failure event: which model it blamed (and why), which class, and what
/// came of it.
public struct FailureVerdict: Sendable, Equatable, Codable {
    public var model: ModelID?
    /// How the model was chosen ("named by the event", "pinned model of session …", …).
    public var attribution: String
    public var reason: FailureReason?
    public var retryAfterSec: Int?
    public var effect: FailureEffect
    public init(model: ModelID?, attribution: String, reason: FailureReason?, retryAfterSec: Int?, effect: FailureEffect) {
        self.model = model; self.attribution = attribution; self.reason = reason
        self.retryAfterSec = retryAfterSec; self.effect = effect
    }
}
