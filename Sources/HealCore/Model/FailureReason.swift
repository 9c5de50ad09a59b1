/// OpenClaw's own failover taxonomy (its `FailoverReason`), with context overflow kept apart because
/// it is not a model failure (OpenClaw compacts instead of failing over).
public enum FailureReason: String, Sendable, Codable, CaseIterable {
    case rateLimit = "rate_limit"
    case overloaded
    case billing
    case auth
    case authPermanent = "auth_permanent"
    case timeout
    case modelNotFound = "model_not_found"
    case format
    case contextOverflow = "context_overflow"
    case sessionExpired = "session_expired"
    case serverError = "server_error"
    case unknown

    /// Whether this reason says the model itself is unusable for now (and so may be cooled).
    public var isModelFailure: Bool {
        switch self {
        case .contextOverflow, .format, .sessionExpired, .unknown: return false
        default: return true
        }
    }
}
