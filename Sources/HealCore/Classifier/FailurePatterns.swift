/// The text patterns of each failure class, after OpenClaw's failover classifier
/// (`failover-matches.ts`, `errors.ts`; docs/OPENCLAW.md §10.1), written for lower-cased text.
///
/// Deliberate differences from OpenClaw, each because the healer saw the wrong thing otherwise:
/// - a `429`, `401` or `403` counts only as a standalone number (`StatusToken`), never inside an
///   id, a timestamp or a port; OpenClaw's rate-limit pattern has a bare `429`;
/// - the user-facing copies OpenClaw itself sends to chat (`Selected model is at capacity`,
///   `LLM request failed: connection refused by the provider endpoint`, `…run out of credits`) are
///   recognised, since `message_sent` texts are one of the healer's inputs.
enum FailurePatterns {
    static let rateLimit: [TextPattern] = [
        .regex(#/rate[_ -]?limit/#, needs: "limit"),
        .regex(#/too[_ ]many[_ ](?:concurrent[_ ])?requests/#, needs: "requests"),
        .status(429),
        .regex(#/\bconcurrency limit\b.*\b(?:breached|reached)\b/#, needs: "concurrency limit"),
        .contains("请求过于频繁"),
        .contains("调用频率"),
        .contains("频率限制"),
        .contains("model_cooldown"),
        .contains("exceeded your current quota"),
        .contains("resource has been exhausted"),
        .contains("quota exceeded"),
        .contains("resource_exhausted"),
        .contains("usage limit"),
        .word("tpm"),
        .contains("tokens per minute"),
        .contains("tokens per day"),
    ]

    /// `daily usage limit reached`, `weekly/monthly limits exhausted`: rate_limit, or billing when
    /// billing text comes with it.
    static let periodicUsageLimit: [TextPattern] = [
        .regex(#/\b(?:daily|weekly|monthly)(?:\/(?:daily|weekly|monthly))* (?:usage )?limits?(?: (?:exhausted|reached|exceeded))?\b/#, needs: "limit"),
    ]

    static let overloaded: [TextPattern] = [
        .contains("overloaded"),  // also `overloaded_error` and `"type":"overloaded_error"`
        .regex(#/service[_ ]unavailable.*(?:overload|capacity|high[_ ]demand)|(?:overload|capacity|high[_ ]demand).*service[_ ]unavailable/#, needs: "unavailable"),
        .contains("high demand"),
        .contains("at capacity"),
        .contains("over capacity"),
        .regex(#/capacity[_ ]exceeded/#, needs: "exceeded"),
    ]

    /// OpenAI-style `{"error":{"type":"server_error",…}}`.
    static let structuredServerError: [TextPattern] = [
        .regex(#/"(?:type|code)"\s*:\s*"(?:server_error|upstream_error)"/#, needs: "server_error\"", "upstream_error\""),
    ]

    /// A provider saying it failed inside, without blaming the request: transient.
    static let genericProviderInternal: [TextPattern] = [
        .contains("an internal error occurred"),
        .contains("internal_error"),
        .word("internal error"),
    ]

    /// A 402 written in the text: `"status": 402`, `HTTP 402`, `error code: 402`, `got a 402`,
    /// `402 Payment Required`.
    static let billing402: [TextPattern] = [
        .regex(#/["']?(?:status|code)["']?\s*[:=]\s*402\b|\bhttp\s*402\b|\berror(?:\s+code)?\s*[:=]?\s*402\b|\b(?:got|returned|received)\s+(?:a\s+)?402\b|^\s*402\s+payment/#, needs: "402"),
    ]

    /// OpenRouter's per-key credit cap.
    static let keyLimit: [TextPattern] = [
        .contains("key limit exceeded"),
    ]

    static let billing: [TextPattern] = billing402 + [
        .contains("payment required"),
        .contains("insufficient credits"),
        .regex(#/insufficient[_ ]quota/#, needs: "quota"),
        .contains("credit balance"),
        .contains("plans & billing"),
        .contains("insufficient balance"),
        .regex(#/\binsufficient\s+\w+\s+balance\b/#, needs: "balance"),
        .contains("余额不足"),
        .contains("insufficient usd or diem balance"),
        .regex(#/requires?\s+more\s+credits/#, needs: "credits"),
        .contains("out of credits"),
        .contains("billing error"),
    ]

    /// Billing words strong enough to override a 429 (OpenAI's `insufficient_quota`, Moonshot's
    /// balance errors): the quota will not come back by waiting.
    static let billingOverridesRateLimit: [TextPattern] = Array(billing.dropFirst(billing402.count))

    /// A refresh token that no longer works needs a new login: permanent.
    static let oauthRefreshFailure: [TextPattern] = [
        .contains("oauth token refresh failed"),
        .contains("token refresh failed"),
        .contains("refresh_token_reused"),
        .contains("invalid_grant"),
        .regex(#/refresh token (?:has been |was |is )?(?:revoked|expired|invalid|reused)/#, needs: "refresh token"),
    ]

    static let authPermanent: [TextPattern] = [
        .regex(#/api[_ ]?key[_ ]?(?:revoked|invalid|deactivated|deleted)/#, needs: "revoked", "invalid", "deactivated", "deleted"),
        .contains("invalid_api_key"),
        .contains("key has been disabled"),
        .contains("key has been revoked"),
        .contains("account has been deactivated"),
        .regex(#/could not (?:authenticate|validate).*(?:api[_ ]?key|credentials)/#, needs: "could not"),
        .contains("permission_error"),
        .contains("not allowed for this organization"),
        .contains("deactivated_workspace"),
    ]

    static let auth: [TextPattern] = [
        .regex(#/invalid[_ ]?api[_ ]?key/#, needs: "invalid"),
        .contains("incorrect api key"),
        .contains("invalid token"),
        .contains("authentication"),
        .contains("re-authenticate"),
        .contains("unauthorized"),
        .contains("forbidden"),
        .contains("access denied"),
        .contains("insufficient permission"),  // also "permissions"
        .regex(#/missing scopes?:/#, needs: "missing scope"),
        .contains("expired"),
        .status(401),
        .status(403),
        .contains("no credentials found"),
        .contains("no api key found"),
    ]

    static let format: [TextPattern] = [
        .contains("string should match pattern"),
        .contains("tool_use.id"),
        .contains("tool_use_id"),
        .contains("invalid request format"),
        .regex(#/tool call id was.*must be/#, needs: "tool call id was"),
        .contains("invalid json payload received"),  // Google CloudCode
    ]

    /// Provider or network did not answer in time, or the connection broke: transient.
    static let timeout: [TextPattern] = [
        .contains("timeout"),
        .contains("timed out"),
        .regex(#/\boperation was aborted\b/#, needs: "operation was aborted"),
        .regex(#/^stream disconnected before completion/#, needs: "stream disconnected before completion"),
        .regex(#/^premature close of server response/#, needs: "premature close of server response"),
        .regex(#/^(?:terminated|request failed|llm request failed\.)$/#, needs: "terminated", "request failed"),
        .contains("请求超时"),
        .contains("连接超时"),
        .contains("service unavailable"),
        .contains("deadline exceeded"),
        .contains("connection error"),
        .contains("network error"),
        .contains("network request failed"),
        .contains("fetch failed"),
        .contains("socket hang up"),
        .word("econnrefused"), .word("econnreset"), .word("econnaborted"),
        .word("enetunreach"), .word("ehostunreach"), .word("ehostdown"), .word("enetreset"),
        .word("etimedout"), .word("esockettimedout"), .word("epipe"), .word("enotfound"), .word("eai_again"),
        .regex(#/without sending (?:any )?chunks?/#, needs: "without sending"),
        .regex(#/\b(?:stop reason|finish_reason):\s*(?:abort|malformed_response|network_error)\b/#, needs: "stop reason:", "finish_reason:"),
        .word("provider returned error"),
        // OpenClaw's own transport copies (sanitize-user-facing-text.ts).
        .contains("connection refused"),
        .contains("connection reset"),
        .contains("connection was interrupted"),
        .contains("network connection"),
        .contains("dns lookup"),
        .contains("endpoint is unreachable"),
    ]

    /// Server failures written as text: transient, so timeout.
    static let serverErrorText: [TextPattern] = [
        .contains("internal server error"),
        .regex(#/"type"\s*:\s*"api_error"/#, needs: "\"api_error\""),
        .contains("bad gateway"),
        .contains("gateway timeout"),
        .contains("upstream connect error"),
        .word("server error"),
    ]

    static let sessionExpired: [TextPattern] = [
        .regex(#/session[_ ]expired/#, needs: "expired"),
        .contains("session has expired"),
    ]

    static let modelNotFound: [TextPattern] = [
        .regex(#/model[_ ]not[_ ]found/#, needs: "found"),
        .contains("unknown model"),
        .contains("no such model"),
        .contains("unsupported model"),
        .regex(#/\binvalid model\b/#, needs: "invalid model"),
        .regex(#/\bmodel\b[^.\n]{0,120}\b(?:does not exist|is not supported)/#, needs: "does not exist", "is not supported"),
        .regex(#/not_found_error[^\n]{0,200}\bmodel\b/#, needs: "not_found_error"),
    ]

    /// The prompt is larger than the model's window. Not a model failure: OpenClaw compacts.
    static let contextOverflow: [TextPattern] = [
        .contains("request_too_large"),
        .contains("request exceeds the maximum size"),
        .contains("context length exceeded"),
        .contains("context_length_exceeded"),
        .contains("maximum context length"),
        .contains("prompt is too long"),
        .contains("prompt too long"),
        .contains("prompt too large"),
        .contains("exceeds model context window"),
        .contains("model token limit"),
        .regex(#/input exceeds.*maximum number of tokens/#, needs: "maximum number of tokens"),
        .contains("context overflow:"),
        .contains("exceed context limit"),
        .contains("exceeds the model's maximum context"),
        .regex(#/\b413\b.*too large/#, needs: "too large"),
        .contains("context_window_exceeded"),
        .contains("上下文过长"),
        .contains("上下文长度超"),
        .contains("超出最大上下文"),
        .contains("上下文超出"),
    ]

    /// A tokens-per-minute rate limit can say "request too large" without being an overflow.
    static let tpmHints: [TextPattern] = [
        .word("tpm"),
        .contains("tokens per minute"),
        .contains("tokens per min"),
    ]

    /// Image-size errors: the request, not the model; OpenClaw ignores them for failover.
    static let imageError: [TextPattern] = [
        .regex(#/image (?:exceeds|is too large|dimensions? exceed|size exceeds)/#, needs: "image "),
        .contains("image_too_large"),
    ]

    /// Bedrock and Google error codes (`ThrottlingException`, `TOO_MANY_REQUESTS`).
    static let providerRateLimit: [TextPattern] = [
        .contains("throttl"),
    ]

    static let unknownErrorOccurred: [TextPattern] = [.contains("an unknown error occurred")]
}
