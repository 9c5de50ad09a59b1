import FoundationEssentials

/// OpenClaw's `classifyFailoverClassificationFromMessage`: text patterns tried in its priority
/// order, so a text matching several classes gets the one OpenClaw would give it.
extension ErrorClassifier {
    static func classifyMessage(_ text: LoweredText) -> FailureReason? {
        let P = FailurePatterns.self
        if text.string.allSatisfy(\.isWhitespace) { return nil }
        // OpenClaw's own verdict, when the text is one of its structured log records.
        if let verdict = OpenClawVerdict.structured(in: text) { return verdict }
        if P.imageError.matches(text) { return nil }
        if P.sessionExpired.matches(text) { return .sessionExpired }
        if P.modelNotFound.matches(text) { return .modelNotFound }
        if P.contextOverflow.matches(text) && !P.tpmHints.matches(text) { return .contextOverflow }
        if P.replayInvalid.matches(text) { return .format }
        if P.billing402.matches(text) { return P.reasonFor402(text) }
        if P.keyLimit.matches(text) { return .billing }
        if P.periodicUsageLimit.matches(text) { return P.billing.matches(text) ? .billing : .rateLimit }
        if P.rateLimit.matches(text) { return .rateLimit }
        if P.overloaded.matches(text) { return .overloaded }
        if serverErrors.matches(text) { return .serverError }
        if P.genericProviderInternal.matches(text) { return .timeout }
        if P.billing.matches(text) { return .billing }
        if permanentAuth.matches(text) { return .authPermanent }
        if P.auth.matches(text) { return .auth }
        if serverTexts.matches(text) { return .timeout }
        if P.format.matches(text) { return .format }
        if text.contains("unknown error (no error details in response)"),
           text.string.trimming(.whitespacesAndNewlines) == "unknown error (no error details in response)" {
            return .unknown
        }
        if P.timeout.matches(text) { return .timeout }
        if P.providerRateLimit.matches(text) { return .rateLimit }
        // A raw body whose only sign is its API error type, read last as OpenClaw does.
        if P.invalidRequestType.found(in: text) { return .format }
        // A failover summary's `(rate_limit)` tags, when nothing else spoke.
        return OpenClawVerdict.tagged(in: text)
    }

    // Steps of OpenClaw's order that follow one another and give the same class, tried as one list
    // (in the same order, so the first match is the same).
    private static let serverErrors = FailurePatterns.providerCompletedError + FailurePatterns.structuredServerError
    private static let permanentAuth = FailurePatterns.oauthRefreshFailure + FailurePatterns.authPermanent
    private static let serverTexts = FailurePatterns.unknownErrorOccurred + FailurePatterns.serverErrorText
}
