import FoundationEssentials

/// Recognises failures that say "could not reach something" rather than "the job is broken":
/// timeouts, refused connections, a closed gateway socket. A cron run that failed this way is not
/// counted against the job (restarting or disabling it would not help).
public enum ConnectivityErrors {
    private static let needles = [
        "econnrefused", "econnreset", "econnaborted", "etimedout", "esockettimedout", "ehostunreach",
        "enetunreach", "eai_again", "enotfound", "epipe", "gateway closed", "gateway not reachable",
        "gateway unreachable", "connect failed", "connection refused", "connection reset",
        "socket hang up", "timed out", "timeout", "deadline exceeded", "fetch failed", "network error",
        "network request failed", "abnormal closure",
    ]

    /// The texts alone, for a caller that already classified the failure.
    public static func mentionsConnectivity(_ text: String?) -> Bool {
        guard let text, !text.isEmpty else { return false }
        let lower = text.lowercased()
        return needles.contains { lower.contains($0) }
    }

    public static func isConnectivity(text: String?, reason: String?) -> Bool {
        if let reason, reason == FailureReason.timeout.rawValue { return true }
        guard let text, !text.isEmpty else { return false }
        if ErrorClassifier.classify(text).reason == .timeout { return true }
        let lower = text.lowercased()
        return needles.contains { lower.contains($0) }
    }
}
