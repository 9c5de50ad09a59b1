/// OpenClaw's `classifyFailoverClassificationFromHttpStatus`: the status decides, the text refines.
extension ErrorClassifier {
    static func classify(status: Int, text: LoweredText, provider: String? = nil) -> FailureReason? {
        let P = FailurePatterns.self
        switch status {
        case 402:
            // A spend or periodic cap that resets is a rate limit, not an empty account.
            return P.reasonFor402(text)
        case 429:
            // Only billing words refine a 429, and an ambiguous "insufficient account balance"
            // only with a structured billing type or from a provider known to mean it.
            guard P.billingOverridesRateLimit.matches(text) else { return .rateLimit }
            let ambiguous = P.ambiguousBalance429.found(in: text) && !P.structuredBillingType.found(in: text)
            return !ambiguous || P.hasBilling429Override(provider: provider) ? .billing : .rateLimit
        case 401, 403:
            if P.oauthRefreshFailure.matches(text) || P.authPermanent.matches(text) { return .authPermanent }
            if P.billing.matches(text) { return .billing }
            return .auth
        case 408:
            return .timeout
        case 410:
            // A gone endpoint behaves like a transport failure unless the text says more.
            let said = classifyMessage(text)
            return [.sessionExpired, .billing, .authPermanent, .auth].contains(said) ? said : .timeout
        case 404:
            let said = classifyMessage(text)
            if said == .contextOverflow { return said }
            return [.sessionExpired, .billing, .authPermanent, .auth, .format].contains(said) ? said : .modelNotFound
        case 413:
            // Not in OpenClaw's table, but a payload too large for an LLM API is a prompt too
            // large: compaction, not failover, is the cure.
            return classifyMessage(text) ?? .contextOverflow
        case 529:
            return .overloaded
        case 499, 500...599:
            // Gateways wrap deterministic rejections (and context overflows) in 5xx answers; the
            // text keeps those, every other 5xx is transient.
            let said = classifyMessage(text)
            if said == .contextOverflow || said == .overloaded || said == .serverError { return said }
            if status >= 500, said == .format { return said }
            return .timeout
        case 400, 422:
            if let reason = classifyMessage(text), reason != .serverError { return reason }
            // A bodiless 400 is a proxy's hiccup; calling it `format` would start a compaction
            // loop that cannot help.
            return P.isBodiless(text.string) ? nil : .format
        default:
            return classifyMessage(text)
        }
    }
}
