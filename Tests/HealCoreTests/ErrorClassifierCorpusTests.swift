import Testing
@testable import HealCore

/// Real-looking error texts from OpenClaw's surface (docs/OPENCLAW.md §9–10: user-facing copies, raw
/// provider payloads, failover summaries, cron `lastError` values, log lines), each with the
/// reason OpenClaw's taxonomy gives it. Texts that are no failure expect nil.
@Suite struct ErrorClassifierCorpusTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let reason: FailureReason?
        var testDescription: String { "\(reason?.rawValue ?? "nil") ← \(text.prefix(70))" }
        init(_ text: String, _ reason: FailureReason?) { self.text = text; self.reason = reason }
    }

    static let rateLimits: [Case] = [
        Case(#"429 {"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your per-minute rate limit"}}"#, .rateLimit),
        Case("⚠️ API rate limit reached. Please try again later.", .rateLimit),
        Case("Too Many Requests", .rateLimit),
        Case(#"{"error":{"type":"rate_limit_error","message":"This request would exceed the rate limit for your organization"}}"#, .rateLimit),
        Case("You exceeded your current quota, please check your plan and billing details.", .rateLimit),
        Case("Resource has been exhausted (e.g. check quota).", .rateLimit),
        Case(#"{"error":{"code":429,"message":"Quota exceeded for quota metric 'Generate Content API requests per minute'","status":"RESOURCE_EXHAUSTED"}}"#, .rateLimit),
        Case("You've hit your usage limit. Upgrade to Pro (https://chatgpt.com/explore/pro), or try again in 2 days 3 hours 12 minutes.", .rateLimit),
        Case("Rate limit reached for gpt-4o in organization org-abc on tokens per min (TPM): Limit 30000, Used 29000, Requested 2400. Please try again in 6.8s.", .rateLimit),
        Case("Request too large for gpt-4o in organization org-abc on tokens per min (TPM): Limit 30000, Requested 52000.", .rateLimit),
        Case("Provider anthropic is in cooldown: model_cooldown", .rateLimit),
        Case("All models failed (2): anthropic/claude-opus-4-6: 429 Too Many Requests (rate_limit) | openai/gpt-5.2: LLM request timed out. (timeout)", .rateLimit),
        Case("Daily usage limit reached for this model.", .rateLimit),
        Case("ThrottlingException: Rate exceeded", .rateLimit),
        Case("HTTP/1.1 429 Too Many Requests", .rateLimit),
        Case(#"{"0":"{\"subsystem\":\"model-fallback/decision\"}","1":{"event":"model_fallback_decision","decision":"candidate_failed","requestedProvider":"anthropic","reason":"rate_limit","status":429},"2":"model fallback decision"}"#, .rateLimit),
        Case("embedded run failover decision: runId=r1 stage=assistant decision=rotate_profile reason=rate_limit provider=anthropic/claude-opus-4-6 profile=anthropic:default", .rateLimit),
        Case("Claude AI usage limit reached|1755874800", .rateLimit),
    ]

    static let billing: [Case] = [
        Case(#"429 {"error":{"message":"You exceeded your current quota, please check your plan and billing details.","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}"#, .billing),
        Case("insufficient_quota", .billing),
        Case("402 Payment Required: insufficient credits", .billing),
        Case("⚠️ API provider returned a billing error — your API key has run out of credits or has an insufficient balance. Check your provider's billing dashboard and top up or switch to a different API key.", .billing),
        Case("⚠️ anthropic (claude-opus-4-6) returned a billing error — your API key has run out of credits or has an insufficient balance.", .billing),
        Case(#"400 {"type":"error","error":{"type":"invalid_request_error","message":"Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits."}}"#, .billing),
        Case("Key limit exceeded (total limit). Manage it using https://openrouter.ai/settings/keys", .billing),
        Case("This request requires more credits, or fewer max_tokens. You requested up to 64000 tokens, but can only afford 1200.", .billing),
        Case(#"provider returned {"status": 402, "message": "Insufficient USD or Diem balance"}"#, .billing),
        Case("Monthly usage limit exceeded: insufficient balance, please add credits", .billing),
    ]

    static let overloaded: [Case] = [
        Case(#"529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#, .overloaded),
        Case("The AI service is temporarily overloaded. Please try again in a moment.", .overloaded),
        Case("The AI service is temporarily overloaded. I’m still retrying; this may take a few minutes.", .overloaded),
        Case("⚠️ Selected model is at capacity. Try a different model, or wait and retry.", .overloaded),
        Case("503 Service Unavailable: the model is experiencing high demand", .overloaded),
        Case(#"{"error":{"code":503,"message":"The model is overloaded. Please try again later.","status":"UNAVAILABLE"}}"#, .overloaded),
    ]

    static let auth: [Case] = [
        Case(#"401 {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}"#, .auth),
        Case("HTTP 401: Unauthorized. Missing scopes: api.responses.write", .auth),
        Case("⚠️ Agent failed before reply: All models failed (4): openrouter/anthropic/claude-sonnet-4: 401", .auth),
        Case("Agent failed before reply: No API key found for provider 'openai-codex'. Configure auth for this agent.", .auth),
        Case("Incorrect API key provided: sk-proj-****abcd. You can find your API key at https://platform.openai.com/account/api-keys.", .auth),
        Case("403 Forbidden", .auth),
        Case("Your access token has expired. Please re-authenticate.", .auth),
        Case("Invalid API key.", .auth),
    ]

    static let authPermanent: [Case] = [
        Case("Agent failed before reply: OAuth token refresh failed for openai-codex", .authPermanent),
        Case("Token refresh failed: refresh_token_reused", .authPermanent),
        Case(#"{"error":{"message":"Incorrect API key provided.","type":"invalid_request_error","code":"invalid_api_key"}}"#, .authPermanent),
        Case(#"403 {"type":"error","error":{"type":"permission_error","message":"Your API key does not have permission to use the specified resource."}}"#, .authPermanent),
        Case("This API key has been revoked. The key has been revoked by an administrator.", .authPermanent),
        Case("Your account has been deactivated.", .authPermanent),
    ]

    static let timeouts: [Case] = [
        Case("LLM request timed out.", .timeout),
        Case("Request timed out before a response was generated. Please try again, or increase agents.defaults.timeoutSeconds in your config.", .timeout),
        Case("LLM request failed: connection refused by the provider endpoint.", .timeout),
        Case("LLM request failed: network connection was interrupted.", .timeout),
        Case("LLM request failed: DNS lookup for the provider endpoint failed.", .timeout),
        Case("LLM request failed: the provider endpoint is unreachable from this host.", .timeout),
        Case("⚠️ Agent failed before reply: All models failed (1): custom-x/deepseek-v4-pro: Provider custom-x is in cooldown (suspending lanes) (timeout).", .timeout),
        Case("Profile openai-codex:default timed out. Trying next account...", .timeout),
        Case("embedded_run_agent_end runId=r9 provider=windhub model=glm-5 HTTP 524", .timeout),
        Case("fetch failed", .timeout),
        Case("connect ECONNREFUSED 127.0.0.1:443", .timeout),
        Case("500 Internal Server Error", .timeout),
        Case("An unknown error occurred", .timeout),
        Case("cron: job execution timed out after 600000ms", .timeout),
        Case("socket hang up", .timeout),
    ]

    static let others: [Case] = [
        Case("Context overflow: prompt too large for the model. Try /reset (or /new) to start a fresh session, or use a larger-context model.", .contextOverflow),
        Case(#"400 {"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 215389 tokens > 200000 maximum"}}"#, .contextOverflow),
        Case("This model's maximum context length is 128000 tokens. However, your messages resulted in 140213 tokens.", .contextOverflow),
        Case(#"413 {"type":"error","error":{"type":"request_too_large","message":"Request exceeds the maximum size"}}"#, .contextOverflow),
        Case("上下文过长，请精简输入", .contextOverflow),
        Case(#"404 {"type":"error","error":{"type":"not_found_error","message":"model: claude-opus-9"}}"#, .modelNotFound),
        Case("The model `gpt-7` does not exist or you do not have access to it.", .modelNotFound),
        Case("Unknown model: google-gemini-cli/gemini-9-pro", .modelNotFound),
        Case("messages.1.content.1.tool_use.id: String should match pattern '^[a-zA-Z0-9_-]+$'", .format),
        Case(#"500 {"error":{"message":"The server had an error while processing your request.","type":"server_error"}}"#, .serverError),
        Case("unknown error (no error details in response)", .unknown),
    ]

    /// Texts that are no model failure, including the bare numbers the original plugin took for
    /// rate limits.
    static let noFailure: [Case] = [
        Case("request req_4290ab completed in 812ms", nil),
        Case("2026-04-29T10:14:29.429Z [gateway] agent run finished", nil),
        Case("listening on 127.0.0.1:4290", nil),
        Case("forwarded 4291 events to localhost:429", nil),
        Case("[whatsapp] [default] auto-restart attempt 1/10 in 5s", nil),
        Case("[health-monitor] [whatsapp:default] health-monitor: restarting (reason: stale-socket)", nil),
        Case("received SIGINT; shutting down", nil),
        Case("[whatsapp] [default] starting provider (+15551234567)", nil),
        Case("↪️ Model Fallback cleared: anthropic/claude-opus-4-6 (was openai/gpt-5.2)", nil),
        Case("cron: job run returned error status", nil),
        Case("", nil),
        Case("   \n", nil),
    ]

    /// Ids, times and ports around failures: the failure decides, not the digits.
    static let numbersInsideFailures: [Case] = [
        Case("request id req_4290ab: connection reset by peer", .timeout),
        Case("2026-04-29T10:14:29.429Z LLM request timed out.", .timeout),
        Case("proxy at 10.0.0.7:4290 returned 401 Unauthorized", .auth),
        Case("run 4291 finished with status=429", .rateLimit),
    ]

    static let all = rateLimits + billing + overloaded + auth + authPermanent + timeouts + others + noFailure + numbersInsideFailures
        + current

    @Test func corpusIsLargeEnough() {
        #expect(Self.all.count >= 120)
    }

    @Test(arguments: all)
    func classifiesLikeOpenClaw(c: Case) {
        #expect(ErrorClassifier.classify(c.text).reason == c.reason)
    }

    @Test(arguments: all)
    func upperAndLowerCaseAgree(c: Case) {
        #expect(ErrorClassifier.classify(c.text.uppercased()).reason == ErrorClassifier.classify(c.text).reason)
    }
}
