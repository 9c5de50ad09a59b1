/// The rules OpenClaw's classifier gained when it moved to `src/agents/failover/` (2026.8,
/// docs/OPENCLAW.md §13.3): TLS certificate failures, a provider-completed `finish_reason: error`, HTML
/// error pages, bodiless 400/422 wrappers, and the finer reading of 402 and 429 texts.
extension FailurePatterns {
    /// Node, Go, Python and curl wordings of a certificate that did not verify. Only read when the
    /// text carries no HTTP status: a status means the TLS handshake worked.
    static let tlsCertificate: [TextPattern] = [
        .regex(#/\bcert_has_expired\b|certificate has expired/#, needs: "cert_has_expired", "certificate has expired"),
        .regex(#/\bcert_not_yet_valid\b|certificate is not yet valid/#, needs: "cert_not_yet_valid", "certificate is not yet valid"),
        .regex(#/self[- _]signed[ _]cert(?:ificate)?/#, needs: "signed"),
        .regex(#/unable[ _]to[ _]verify[ _](?:the[ _]first[ _]certificate|leaf[ _]signature)/#, needs: "verify"),
        .regex(#/unable[ _]to[ _]get[ _](?:local[ _])?issuer[ _]cert(?:ificate)?/#, needs: "issuer"),
        .contains("err_tls_cert_altname_invalid"),
        .contains("does not match certificate's altnames"),
        .contains("certificate signed by unknown authority"),
        .contains("certificate verify failed"),
        .contains("certificate_verify_failed"),
        .regex(#/ssl certificate problem/#, needs: "ssl certificate problem"),
    ]

    /// The stream finished with an explicit error (OpenClaw issue #109218): the provider answered
    /// quickly with a failure of its own, so `server_error`, not a hang.
    static let providerCompletedError: [TextPattern] = [
        .regex(#/\bfinish_reason:\s*error\b/#, needs: "finish_reason:"),
        .regex(#/\b(?:unhandled )?stop reason:\s*error\b/#, needs: "stop reason:"),
        .regex(#/"finish_reason"\s*:\s*"error"/#, needs: "\"finish_reason\""),
    ]

    /// A replayed conversation the provider will never accept (a stale `previous_response_id`,
    /// turns out of order, a thinking block whose signature expired): the request, so `format`.
    static let replayInvalid: [TextPattern] = [
        .regex(#/\bprevious_response_id\b.*\b(?:invalid|unknown|not found|does not exist|expired|mismatch)\b/#, needs: "previous_response_id"),
        .regex(#/\btool_(?:use|call)\.(?:input|arguments)\b.*\b(?:missing|required)\b/#, needs: "tool_use.", "tool_call."),
        .contains("incorrect role information"),
        .contains("roles must alternate"),
        .contains("input item id does not belong to this connection"),
        .regex(#/\bthinking\b.*(?:\b(?:invalid|expired)\b.*\bsignature\b|\bsignature\b.*\b(?:invalid|expired)\b)/#, needs: "signature"),
    ]

    /// `"type": "invalid_request_error"` with nothing more telling in the text.
    static let invalidRequestType = SharedRegex(#/"type"\s*:\s*"invalid_request_error"/#, needs: ["\"invalid_request_error\""])

    /// `400 status code (no body)`, `422 no body`, `no response body`: a proxy's wrapper, not the
    /// provider rejecting the request.
    static let noBodyWrapper = SharedRegex(#/^(?:no body(?: response)?|no response body|status code \(no body\))$/#)

    /// What the text says after a leading status (`503 <!doctype html>…` → `<!doctype html>…`).
    static let leadingStatus = SharedRegex(#/^\s*(?:error:?\s*)?(?:http(?:\/\d(?:\.\d)?)?\s*)?\d{3}\b[\s:]*/#)

    static func afterLeadingStatus(_ text: String) -> Substring {
        let trimmed = Substring(text.trimming(.whitespacesAndNewlines))
        guard let m = trimmed.prefixMatch(of: leadingStatus.regex) else { return trimmed }
        return trimmed[m.range.upperBound...]
    }

    /// A whole HTML page (a CDN's or a proxy's error page) instead of an API error.
    static func isHTMLPage(_ text: LoweredText) -> Bool {
        // The page's end is in the text whatever comes before it: most texts stop here.
        guard ByteSearch.contains(text.bytes, "</html>") else { return false }
        let rest = afterLeadingStatus(text.string)
        return (rest.hasPrefix("<!doctype html") || rest.hasPrefix("<html")) && rest.contains("</html>")
    }

    /// Whether a 400/422 text is bodiless: nothing after its status, or only a no-body wrapper.
    static func isBodiless(_ text: String) -> Bool {
        let rest = afterLeadingStatus(text).trimming(.whitespacesAndNewlines)
        return rest.isEmpty || rest.wholeMatch(of: noBodyWrapper.regex) != nil
    }

    // MARK: 402

    /// Billing words that decide a 402 even when retry words come with them.
    static let explicit402Billing: [TextPattern] = [
        .contains("insufficient credits"), .contains("insufficient quota"), .contains("insufficient_quota"),
        .contains("credit balance"), .contains("insufficient balance"), .contains("plans & billing"),
        .contains("add more credits"), .contains("top up"), .contains("billing hard limit"),
        .contains("hard limit reached"),
        .regex(#/(?:upgrade your plan|upgrade plan|current plan|subscription)[^\n]*limit|limit[^\n]*(?:upgrade your plan|upgrade plan|current plan|subscription)/#, needs: "limit"),
    ]

    /// A 402 that will pass by waiting: retry words with a limit, a periodic or spend cap, an
    /// organisation or workspace cap reached, or a subscription window that refreshes.
    static let retryable402Signals: [TextPattern] = [
        .regex(#/(?:try again|retry|temporary|cooldown)[^\n]*(?:usage limit|rate limit|organization usage)|(?:usage limit|rate limit|organization usage)[^\n]*(?:try again|retry|temporary|cooldown)/#, needs: "usage limit", "rate limit", "organization usage"),
        .regex(#/\b(?:daily|weekly|monthly)\b[^\n]*(?:usage limit|spend(?:ing)? limit)|(?:usage limit|spend(?:ing)? limit)[^\n]*\b(?:daily|weekly|monthly)\b/#, needs: "limit"),
        .regex(#/\b(?:daily|weekly|monthly)\b[^\n]*limit[^\n]*reset/#, needs: "reset"),
        .regex(#/\b(?:organization|workspace)\b[^\n]*limit[^\n]*(?:spend(?:ing)? limit|billing period|exceeded|reached|exhausted)/#, needs: "limit"),
    ]

    /// A subscription quota that refreshes on its own: waiting helps, whatever else the text says.
    static let quotaRefreshWindow: [TextPattern] = [
        .regex(#/subscription quota limit[^\n]*(?:automatic quota refresh|rolling time window)/#, needs: "subscription quota limit"),
    ]

    /// A 402's reason: billing, unless the text shows a limit that resets (then rate_limit).
    static func reasonFor402(_ text: LoweredText) -> FailureReason {
        if quotaRefreshWindow.matches(text) { return .rateLimit }
        if explicit402Billing.matches(text) { return .billing }
        if rateLimit.matches(text.string.replacing(leadingStatus.regex, with: "", maxReplacements: 1)) { return .rateLimit }
        if retryable402Signals.matches(text) { return .rateLimit }
        return .billing
    }

    // MARK: 429

    /// `insufficient account balance` on a 429 is ambiguous (several providers send it for a
    /// throttle) unless a structured billing type comes with it.
    static let ambiguousBalance429 = SharedRegex(#/\binsufficient\s+account\s+balance\b/#, needs: ["insufficient"])
    static let structuredBillingType = SharedRegex(#/"type"\s*:\s*"(?:insufficient_quota|billing[a-z_]*|insufficient_balance|payment_required)"/#,
                                                   needs: ["\"type\""])

    /// Providers whose 429 with billing words means an empty account (OpenClaw's override list).
    static func hasBilling429Override(provider: String?) -> Bool {
        guard let p = provider?.lowercased() else { return false }
        return p.contains("xai") || p.contains("moonshot") || p.contains("kimi")
    }
}
