import FoundationEssentials

/// One model failure seen by the healer: a line of the gateway's log, an event posted to
/// `POST /events`, or a probe that failed.
public struct FailureEvent: Sendable, Equatable, Codable {
    public enum Source: String, Sendable, Codable { case log, http, probe }

    public var at: Date
    public var source: Source
    /// The model, when the source names one.
    public var model: ModelID?
    public var sessionKey: String?
    /// The raw error text (may be empty when only a reason is known).
    public var errorText: String
    public var httpStatus: Int?
    /// Set when the source already classified it (OpenClaw's log carries `reason`).
    public var reason: FailureReason?
    /// Seconds to wait, when the error carried a Retry-After or a reset time.
    public var retryAfterSec: Int?
    /// An absolute time the provider said its quota resets (`resets at …`, a reset timestamp);
    /// honoured like `retryAfterSec`.
    public var resetAt: Date?
    /// The auth profile (API key, OAuth login) the failed call used, when the source names it.
    public var profileId: String?
    /// OpenClaw's failover decision for this failure, when the source is one
    /// (`candidate_failed`, `rotate_profile`, `fallback_model`, `surface_error`, `model.failover`).
    /// `rotate_profile` switches keys for the same model: it is no evidence the model is down.
    public var decision: String?

    public init(at: Date, source: Source, model: ModelID? = nil, sessionKey: String? = nil,
                errorText: String, httpStatus: Int? = nil, reason: FailureReason? = nil,
                retryAfterSec: Int? = nil, resetAt: Date? = nil, profileId: String? = nil,
                decision: String? = nil) {
        self.at = at; self.source = source; self.model = model; self.sessionKey = sessionKey
        self.errorText = errorText; self.httpStatus = httpStatus; self.reason = reason
        self.retryAfterSec = retryAfterSec; self.resetAt = resetAt; self.profileId = profileId
        self.decision = decision
    }

    /// Whether the failure shows the model itself failing (every decision but `rotate_profile`).
    public var showsModelFailing: Bool { decision != "rotate_profile" }
}
