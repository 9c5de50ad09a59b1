import FoundationEssentials

/// How long a model stays cooled, by failure class and strike number (1 = first failure).
///
/// | class | cooldown for strike n |
/// |---|---|
/// | rate_limit, overloaded, timeout, server_error, tls_certificate | 1, 5, 25, 125 … min (60 s · 5^(n-1)) |
/// | auth | the same ladder, plus 12 h (the seed's extra: a human has to fix credentials) |
/// | auth_permanent | the ceiling plus 12 h from the first strike |
/// | billing | 5 h, doubling per strike (OpenClaw's own billing backoff) |
/// | model_not_found | the ceiling from the first strike |
/// | context_overflow, format, session_expired, unknown | never cooled |
///
/// Every value is capped by `cooldownMinutes` (the ceiling), except the auth classes' extra 12 h,
/// which the seed added on top and the issue keeps. With the default ceiling of 300 min, billing is
/// therefore 5 h flat; a larger ceiling lets it double. A Retry-After or reset time from the
/// provider wins over the ladder, kept within 1 s and the ceiling.
/// Probes lift any cooldown early once the model answers again.
public enum CooldownLadder {
    /// Strikes are forgotten after a day without failures (OpenClaw's `failureWindowHours`).
    public static let strikeWindowSec: TimeInterval = 24 * 3600
    public static let authExtraSec = 12 * 3600
    public static let billingStartSec = 5 * 3600

    /// Seconds to cool; nil when this class is never cooled.
    public static func seconds(for reason: FailureReason, strike: Int, retryAfterSec: Int?,
                               cooldownMinutes: Int) -> Int? {
        guard reason.isModelFailure else { return nil }
        let cap = max(1, cooldownMinutes) * 60
        let n = max(1, strike)
        if let retry = retryAfterSec, retry > 0 { return min(max(1, retry), cap) }
        switch reason {
        case .rateLimit, .overloaded, .timeout, .serverError, .tlsCertificate:
            return min(fiveFold(n), cap)
        case .auth:
            return min(fiveFold(n), cap) + authExtraSec
        case .authPermanent:
            return cap + authExtraSec
        case .billing:
            return min(doubled(billingStartSec, n), cap)
        case .modelNotFound:
            return cap
        case .contextOverflow, .format, .sessionExpired, .unknown:
            return nil
        }
    }

    /// 60 · 5^(n-1), saturating long before it could overflow.
    private static func fiveFold(_ n: Int) -> Int {
        var v = 60
        for _ in 1..<n { v *= 5; if v > 10_000_000 { return v } }
        return v
    }

    private static func doubled(_ start: Int, _ n: Int) -> Int {
        var v = start
        for _ in 1..<n { v *= 2; if v > 10_000_000 { return v } }
        return v
    }
}
