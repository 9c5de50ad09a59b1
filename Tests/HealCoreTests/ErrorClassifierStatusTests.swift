import Testing
@testable import HealCore

/// OpenClaw's HTTP status table, with the text refinements of each row.
@Suite struct ErrorClassifierStatusTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let status: Int
        let text: String
        let reason: FailureReason?
        var testDescription: String { "\(status) \(text.prefix(50)) → \(reason?.rawValue ?? "nil")" }
        init(_ status: Int, _ text: String, _ reason: FailureReason?) {
            self.status = status; self.text = text; self.reason = reason
        }
    }

    static let table: [Row] = [
        Row(429, "", .rateLimit),
        Row(429, "Too Many Requests", .rateLimit),
        Row(429, #"{"error":{"code":"insufficient_quota"}}"#, .billing),
        Row(429, "Your account balance is insufficient: insufficient balance", .billing),
        Row(529, "", .overloaded),
        Row(529, "anything at all", .overloaded),
        Row(402, "Payment Required", .billing),
        Row(402, "daily spend limit reached, try again tomorrow", .rateLimit),
        Row(402, "Weekly usage limit exhausted", .rateLimit),
        Row(401, "Unauthorized", .auth),
        Row(401, "invalid_api_key", .authPermanent),
        Row(401, "OAuth token refresh failed", .authPermanent),
        Row(403, "Forbidden", .auth),
        Row(403, "Your account has been deactivated", .authPermanent),
        Row(403, "This organization has run out of credits", .billing),
        Row(404, "Not Found", .modelNotFound),
        Row(404, "", .modelNotFound),
        Row(404, "session has expired", .sessionExpired),
        Row(408, "Request Timeout", .timeout),
        Row(410, "Gone", .timeout),
        Row(499, "client closed request", .timeout),
        Row(503, "Service Unavailable", .timeout),
        Row(503, "overloaded, please retry", .overloaded),
        Row(500, "Internal Server Error", .timeout),
        Row(500, #"{"error":{"type":"server_error"}}"#, .serverError),
        Row(502, "Bad Gateway", .timeout),
        Row(504, "Gateway Timeout", .timeout),
        Row(524, "A timeout occurred", .timeout),
        Row(400, "prompt is too long: 215000 tokens > 200000 maximum", .contextOverflow),
        Row(400, "tool_use_id mismatch", .format),
        Row(400, "Bad Request: something odd", .format),
        Row(400, "", nil),
        Row(422, "Unprocessable Entity", .format),
        Row(413, "Request Entity Too Large", .contextOverflow),
        Row(418, "I'm a teapot", nil),
    ]

    @Test(arguments: table)
    func statusGivenApart(row: Row) {
        #expect(ErrorClassifier.classify(row.text, httpStatus: row.status).reason == row.reason)
    }

    @Test(arguments: table.filter { !$0.text.isEmpty })
    func statusWrittenAtTheStartOfTheText(row: Row) {
        #expect(ErrorClassifier.classify("\(row.status) \(row.text)").reason == row.reason)
    }

    @Test(arguments: [
        ("429", 429), ("429 {\"type\":\"error\"}", 429), ("Error: 503 Service Unavailable", 503),
        ("HTTP 401: Missing scopes", 401), ("http/1.1 502 bad gateway", 502), ("HTTP 524", 524),
        (#"{"status": 402, "message": "x"}"#, 402), ("failed with status code 404", 404), ("status=429", 429),
    ])
    func statusesWrittenInTheText(text: String, status: Int) {
        #expect(WrittenStatus.find(in: text.lowercased()) == status)
    }

    @Test(arguments: [
        "2026-04-29T10:14:29.429Z", "req_4290ab", "listening on 127.0.0.1:4290", "4290 tokens",
        "version 1.429.0", "http://localhost:4290/v1", "exit status 1", "429abc", "HTTP 4290", "HTTP 999",
        "port 429-430", "issue #429", "build 2026.4.29",
    ])
    func numbersThatAreNoStatus(text: String) {
        #expect(WrittenStatus.find(in: text.lowercased()) == nil)
        #expect(!StatusToken.occurs(429, in: text.lowercased()))
    }

    @Test(arguments: [
        "got 429.", "openrouter/x: 429", "(429)", "code: 429", "\"status\":429", "429, retrying", "[429]", "429",
    ])
    func standaloneStatusNumbers(text: String) {
        #expect(StatusToken.occurs(429, in: text))
    }

    @Test func aParameterStatusWinsOverTheText() {
        #expect(ErrorClassifier.classify("429 Too Many Requests", httpStatus: 529).reason == .overloaded)
        // Out-of-range parameters are ignored rather than trusted.
        #expect(ErrorClassifier.classify("Too Many Requests", httpStatus: 0).reason == .rateLimit)
    }

    @Test func contextOverflowIsExcludedWhenTheTextIsAboutTokensPerMinute() {
        #expect(ErrorClassifier.classify("prompt is too long for this request").reason == .contextOverflow)
        #expect(ErrorClassifier.classify("prompt is too long for your TPM limit").reason == .rateLimit)
        #expect(ErrorClassifier.classify("maximum context length reached; 40000 tokens per minute allowed").reason == .rateLimit)
        #expect(!FailureReason.contextOverflow.isModelFailure)
    }

    @Test func priorityOrderDecidesBetweenClasses() {
        // model_not_found beats rate_limit; context overflow beats billing; rate_limit beats
        // overloaded; billing beats auth; auth_permanent beats auth; auth beats timeout.
        #expect(ErrorClassifier.classify("model not found (rate limited upstream)").reason == .modelNotFound)
        #expect(ErrorClassifier.classify("context length exceeded; insufficient credits").reason == .contextOverflow)
        #expect(ErrorClassifier.classify("rate limit: servers overloaded").reason == .rateLimit)
        #expect(ErrorClassifier.classify("insufficient credits: unauthorized").reason == .billing)
        #expect(ErrorClassifier.classify("unauthorized: api key revoked").reason == .authPermanent)
        #expect(ErrorClassifier.classify("unauthorized after request timed out").reason == .auth)
        #expect(ErrorClassifier.classify("image exceeds 5 MB maximum: rate limit").reason == nil)
        // OpenClaw's structured verdict beats the patterns.
        #expect(ErrorClassifier.classify(#"{"failoverReason":"auth_permanent","message":"rate limit"}"#).reason == .authPermanent)
        #expect(ErrorClassifier.classify("a/b: weird (auth_permanent) | c/d: odd (format)").reason == .authPermanent)
        #expect(ErrorClassifier.classify(#"{"reason":"empty_response"}"#).reason == .unknown)
    }
}
