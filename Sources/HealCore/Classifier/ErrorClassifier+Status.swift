/// OpenClaw's `classifyFailoverClassificationFromHttpStatus`: the status decides, the text refines.
extension ErrorClassifier {
    static func classify(status: Int, text: String) -> FailureReason? {
        let P = FailurePatterns.self
        switch status {
        case 402:
            // A spend or periodic cap that resets is a rate limit, not an empty account.
            return P.retryable402.matches(text) ? .rateLimit : .billing
        case 429:
            return P.billingOverridesRateLimit.matches(text) ? .billing : .rateLimit
        case 401, 403:
            if P.oauthRefreshFailure.matches(text) || P.authPermanent.matches(text) { return .authPermanent }
            if P.billing.matches(text) { return .billing }
            return .auth
        case 404:
            return classifyMessage(text) ?? .modelNotFound
        case 413:
            // Not in OpenClaw's table, but a payload too large for an LLM API is a prompt too
            // large: compaction, not failover, is the cure.
            return classifyMessage(text) ?? .contextOverflow
        case 408, 410:
            return .timeout
        case 499, 503:
            return P.overloaded.matches(text) ? .overloaded : .timeout
        case 500, 502, 504:
            return P.structuredServerError.matches(text) ? .serverError : .timeout
        case 520...524:
            // Cloudflare in front of a provider: the origin did not answer.
            return .timeout
        case 529:
            return .overloaded
        case 400, 422:
            if let reason = classifyMessage(text) { return reason }
            return WrittenStatus.hasBody(text) ? .format : nil
        default:
            return classifyMessage(text)
        }
    }
}
