/// How the policy read one failure event: which model it blamed (and why), which class, and what
/// came of it.
public struct FailureVerdict: Sendable, Equatable, Codable {
    public var model: String?
    /// How the model was chosen ("named by the event", "pinned model of session …", …).
    public var attribution: String
    public var reason: FailureReason?
    public var retryAfterSec: Int?
    /// cooled|extended|already-cooling|kept-last-model|not-a-model-failure|no-model|stale|unattributed|
    /// profile-rotated|profile-cooled.
    public var effect: String
    public init(model: String?, attribution: String, reason: FailureReason?, retryAfterSec: Int?, effect: String) {
        self.model = model; self.attribution = attribution; self.reason = reason
        self.retryAfterSec = retryAfterSec; self.effect = effect
    }
}
