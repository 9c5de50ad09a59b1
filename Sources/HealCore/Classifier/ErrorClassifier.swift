/// Classifies provider error texts with OpenClaw's failover taxonomy (docs/OPENCLAW.md §10.1, §13.3):
/// the same classes, the same priority order, the same HTTP status table, with the fixes listed in
/// `FailurePatterns`.
///
/// The status is `httpStatus` when given, else one the text writes itself: a leading `NNN `
/// (`429 {"type":"error",…}`), `HTTP 401:`, or `"status": 402`. Before the status table: a TLS
/// certificate failure (only without a status: a status means the handshake worked) and an HTML
/// error page on a 408/499/5xx (a CDN or proxy answered, not the provider: `timeout`). With a
/// status, the status table decides (using the text to refine it); without one, the text alone.
/// Texts that are no failure get `reason: nil`. Retry hints are extracted whenever a reason is
/// found (`RetryHint`). `provider` matters only for the providers whose 429 with billing words
/// means an empty account (xai, moonshot, kimi).
public enum ErrorClassifier {
    public static func classify(_ text: String, httpStatus: Int? = nil, provider: String? = nil) -> Classification {
        let lower = LoweredText(lowercasing: text)
        let status = httpStatus.flatMap { (100...599).contains($0) ? $0 : nil } ?? WrittenStatus.find(in: lower)
        let reason: FailureReason?
        if status == nil && FailurePatterns.tlsCertificate.matches(lower) {
            reason = .tlsCertificate
        } else if let status, status == 408 || status == 499 || (500...599).contains(status),
                  FailurePatterns.isHTMLPage(lower) {
            reason = .timeout
        } else if let status {
            reason = classify(status: status, text: lower, provider: provider)
        } else {
            reason = classifyMessage(lower)
        }
        guard let reason else { return Classification(reason: nil) }
        return hints(inLowered: lower.string, reason: reason)
    }

    /// The waits a text asks for, with a reason someone else already decided (OpenClaw's own
    /// `reason` field, a cron job's `lastErrorReason`): the text is read for its hints only, so a
    /// failure is classified once.
    public static func hints(in text: String, reason: FailureReason?) -> Classification {
        hints(inLowered: LoweredText(lowercasing: text).string, reason: reason)
    }

    static func hints(inLowered text: String, reason: FailureReason?) -> Classification {
        let hint = RetryHint.parse(text)
        return Classification(reason: reason, retryAfterSec: hint.retryAfterSec, resetAt: hint.resetAt)
    }
}
