import Foundation

/// One model failure seen by the healer: a line of the gateway's log, an event posted to
/// `POST /events`, or a probe that failed.
public struct FailureEvent: Sendable, Equatable, Codable {
    public enum Source: String, Sendable, Codable { case log, http, probe }

    public var at: Date
    public var source: Source
    /// `provider/model` when known.
    public var model: String?
    public var sessionKey: String?
    /// The raw error text (may be empty when only a reason is known).
    public var errorText: String
    public var httpStatus: Int?
    /// Set when the source already classified it (OpenClaw's log carries `reason`).
    public var reason: FailureReason?
    /// Seconds to wait, when the error carried a Retry-After or a reset time.
    public var retryAfterSec: Int?

    public init(at: Date, source: Source, model: String? = nil, sessionKey: String? = nil,
                errorText: String, httpStatus: Int? = nil, reason: FailureReason? = nil,
                retryAfterSec: Int? = nil) {
        self.at = at; self.source = source; self.model = model; self.sessionKey = sessionKey
        self.errorText = errorText; self.httpStatus = httpStatus; self.reason = reason
        self.retryAfterSec = retryAfterSec
    }
}
