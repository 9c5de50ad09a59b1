import FoundationEssentials

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
    /// The provider endpoint's TLS certificate did not verify (expired, self-signed, wrong host):
    /// the model cannot be reached until someone fixes the chain or the proxy in between.
    case tlsCertificate = "tls_certificate"
    case unknown

    /// OpenClaw's name for a reason, as its logs and cron `lastErrorReason` write it; its newer
    /// catch-alls (`empty_response`, `no_error_details`, `unclassified`) carry no more than
    /// `unknown` does.
    public init?(openClawName raw: String) {
        let name = raw.trimming(.whitespaces).lowercased()
        if let known = FailureReason(rawValue: name) { self = known; return }
        switch name {
        case "empty_response", "no_error_details", "unclassified": self = .unknown
        default: return nil
        }
    }

    /// Whether this reason says the model itself is unusable for now (and so may be cooled).
    public var isModelFailure: Bool {
        switch self {
        case .contextOverflow, .format, .sessionExpired, .unknown: return false
        default: return true
        }
    }
}
