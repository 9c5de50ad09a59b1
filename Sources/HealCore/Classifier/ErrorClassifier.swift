/// Classifies provider error texts with OpenClaw's failover taxonomy.
/// (First cut: HTTP status only; the text patterns and their priority order follow.)
public enum ErrorClassifier {
    public static func classify(_ text: String, httpStatus: Int? = nil) -> Classification {
        switch httpStatus {
        case 429: return Classification(reason: .rateLimit)
        case 529: return Classification(reason: .overloaded)
        case 402: return Classification(reason: .billing)
        case 401, 403: return Classification(reason: .auth)
        case 404: return Classification(reason: .modelNotFound)
        case 408: return Classification(reason: .timeout)
        default: return Classification(reason: nil)
        }
    }
}
