/// Reasons OpenClaw already wrote into a text: a structured log record's `"reason":"rate_limit"`
/// (or `failoverReason`, `profileFailureReason`, …), or a failover summary's `(timeout)` tag.
enum OpenClawVerdict {
    static func structured(in text: LoweredText) -> FailureReason? {
        guard structuredReason.mayMatch(text) else { return nil }
        for match in text.string.matches(of: structuredReason.regex) {
            if let reason = reason(named: match.1) { return reason }
        }
        return nil
    }

    static func tagged(in text: LoweredText) -> FailureReason? {
        guard reasonTag.mayMatch(text) else { return nil }
        for match in text.string.matches(of: reasonTag.regex) {
            if let reason = reason(named: match.1) { return reason }
        }
        return nil
    }

    private static let structuredReason = SharedRegex(
        #/"(?:reason|failoverreason|profilefailurereason|cooldownreason|disabledreason|lasterrorreason)"\s*:\s*"([a-z_]+)"/#,
        needs: ["reason\""])
    private static let reasonTag = SharedRegex(#/\(([a-z_]+)\)/#, needs: [")"])

    /// OpenClaw's names, including those the healer folds into `unknown`.
    static func reason(named name: Substring) -> FailureReason? {
        if let reason = FailureReason(rawValue: String(name)) { return reason }
        switch name {
        case "empty_response", "no_error_details", "unclassified": return .unknown
        default: return nil
        }
    }
}
