/// Classifies provider error texts with OpenClaw's failover taxonomy (SURFACE.md §10.1): the same
/// classes, the same priority order, the same HTTP status table, with the fixes listed in
/// `FailurePatterns`.
///
/// The status is `httpStatus` when given, else one the text writes itself: a leading `NNN `
/// (`429 {"type":"error",…}`), `HTTP 401:`, or `"status": 402`. With a status, the status table
/// decides (using the text to refine it); without one, the text alone. Texts that are no failure
/// get `reason: nil`. Retry hints are extracted whenever a reason is found (`RetryHint`).
public enum ErrorClassifier {
    public static func classify(_ text: String, httpStatus: Int? = nil) -> Classification {
        let lower = text.lowercased()
        let status = httpStatus.flatMap { (100...599).contains($0) ? $0 : nil } ?? WrittenStatus.find(in: lower)
        let reason: FailureReason?
        if let status {
            reason = classify(status: status, text: lower)
        } else {
            reason = classifyMessage(lower)
        }
        guard let reason else { return Classification(reason: nil) }
        let hint = RetryHint.parse(lower)
        return Classification(reason: reason, retryAfterSec: hint.retryAfterSec, resetAt: hint.resetAt)
    }
}
