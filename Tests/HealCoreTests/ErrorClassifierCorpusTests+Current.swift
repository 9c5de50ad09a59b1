import Foundation
import Testing
@testable import HealCore

/// The forms OpenClaw's classifier reads since it moved to `src/agents/failover/` (2026.8 on,
/// docs/OPENCLAW.md §13.3), next to more of the older forms still seen in logs and cron `lastError`.
extension ErrorClassifierCorpusTests {
    static let tlsCertificate: [Case] = [
        Case("TypeError: fetch failed; cause: Error: certificate has expired (CERT_HAS_EXPIRED)", .tlsCertificate),
        Case("Error: self signed certificate in certificate chain", .tlsCertificate),
        Case("Error: unable to verify the first certificate", .tlsCertificate),
        Case("UNABLE_TO_GET_ISSUER_CERT_LOCALLY: unable to get local issuer certificate", .tlsCertificate),
        Case("Hostname/IP does not match certificate's altnames: Host: api.anthropic.com. is not in the cert's altnames: DNS:*.corp.example", .tlsCertificate),
        Case("Post \"https://api.openai.com/v1/responses\": x509: certificate signed by unknown authority", .tlsCertificate),
        Case("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)", .tlsCertificate),
        Case("code: 'ERR_TLS_CERT_ALTNAME_INVALID'", .tlsCertificate),
        Case("curl: (60) SSL certificate problem: certificate is not yet valid", .tlsCertificate),
    ]

    static let serverErrors: [Case] = [
        Case("Provider finished the stream with finish_reason: error", .serverError),
        Case("Unhandled stop reason: error", .serverError),
        Case(#"{"id":"gen-1","choices":[{"index":0,"finish_reason":"error","message":{"content":""}}]}"#, .serverError),
        Case(#"502 {"error":{"type":"upstream_error","message":"Upstream provider returned an invalid response"}}"#, .serverError),
        Case(#"{"error":{"code":"server_error","message":"The server had an error processing your request. Sorry about that!"}}"#, .serverError),
        Case(#"503 {"error":{"message":"Service temporarily overloaded","type":"server_error"}}"#, .overloaded),
    ]

    static let htmlPages: [Case] = [
        Case("502 <!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><center>cloudflare</center></body></html>", .timeout),
        Case("503 <html><body><h1>503 Service Temporarily Unavailable: overloaded</h1></body></html>", .timeout),
        Case("HTTP 504 <!doctype html>\n<html lang=\"en\"><body>Gateway Time-out</body></html>", .timeout),
        Case("Error: 520 <!DOCTYPE html><html><title>Web server is returning an unknown error</title></html>", .timeout),
        Case("408 <html><head><title>Request Timeout</title></head></html>", .timeout),
    ]

    static let bodiless: [Case] = [
        Case("400", nil),
        Case("400 status code (no body)", nil),
        Case("422 no body", nil),
        Case("Error: 400 no response body", nil),
        Case("422 Unprocessable Entity", .format),
        Case(#"400 {"type":"error","error":{"type":"invalid_request_error","message":"messages: roles must alternate"}}"#, .format),
    ]

    static let paymentRequired: [Case] = [
        Case("402 Payment Required", .billing),
        Case("402 Payment Required: monthly spend limit reached, resets on the 1st", .rateLimit),
        Case(#"402 {"error":{"message":"Organization usage limit reached. Please try again later."}}"#, .rateLimit),
        Case("HTTP 402: daily usage limit exceeded", .rateLimit),
        Case("402 insufficient credits; try again after adding funds", .billing),
        Case(#"{"status": 402, "message": "You have used all available credits. Please top up to continue."}"#, .billing),
        Case("402 Your subscription quota limit is reached; it refreshes on a rolling time window", .rateLimit),
    ]

    static let tooManyRequestsNamingBilling: [Case] = [
        Case(#"429 {"error":{"message":"Your credit balance is too low to access this model.","type":"invalid_request_error"}}"#, .billing),
        Case(#"429 {"error":{"type":"insufficient_quota","message":"insufficient account balance"}}"#, .billing),
        Case("429 insufficient account balance", .rateLimit),
        Case("429 Too Many Requests: please check your plan and billing details", .rateLimit),
        Case("HTTP 429: rate limit exceeded, retry after 20s", .rateLimit),
    ]

    static let moreCurrentForms: [Case] = [
        Case("Too many concurrent requests for this model", .rateLimit),
        Case("concurrency limit reached for organization org-x", .rateLimit),
        Case("请求过于频繁，请稍后再试", .rateLimit),
        Case("账户余额不足，请充值", .billing),
        Case("Insufficient MBT balance to run this request", .billing),
        Case("This operation was aborted", .timeout),
        Case("stream disconnected before completion: error sending request", .timeout),
        Case("terminated", .timeout),
        Case("请求超时", .timeout),
        Case(#"{"error":{"message":"Previous response with id 'resp_abc' not found.","type":"invalid_request_error","param":"previous_response_id"}}"#, .format),
        Case("Invalid 'previous_response_id': resp_abc does not exist", .format),
        Case("messages.3: thinking block signature is invalid or expired", .format),
        Case("usage limit reached; resets at 2026-08-22T15:00:00Z", .rateLimit),
        Case("⚠️ Agent failed before reply: All models failed (2): anthropic/claude-opus-4-6: certificate has expired (tls_certificate) | openai/gpt-5.2: 500 (server_error)", .tlsCertificate),
        Case(#"{"0":"{\"subsystem\":\"agent/embedded\"}","1":{"event":"embedded_run_failover_decision","decision":"fallback_model","failoverReason":"server_error","provider":"openai","model":"gpt-5.2"}}"#, .serverError),
    ]

    static let moreOlderForms: [Case] = [
        Case("Error: 429 Too Many Requests", .rateLimit),
        Case(#"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#, .overloaded),
        Case("OpenAI API error: 401 Incorrect API key provided", .auth),
        Case("Error: 404 The model `claude-3-opus-20240229` does not exist", .modelNotFound),
        Case("getaddrinfo ENOTFOUND api.anthropic.com", .timeout),
        Case("read ECONNRESET", .timeout),
        Case("502 Bad Gateway", .timeout),
        Case("Request failed with status code 503", .timeout),
    ]

    static let current = tlsCertificate + serverErrors + htmlPages + bodiless + paymentRequired
        + tooManyRequestsNamingBilling + moreCurrentForms + moreOlderForms
}

/// Rules that need more than the text: the provider, a status given apart, the hints.
@Suite struct ErrorClassifierCurrentRulesTests {
    @Test(arguments: ["moonshot", "kimi-coding", "xai"])
    func a429NamingBillingIsBillingForTheProvidersThatMeanIt(provider: String) {
        #expect(ErrorClassifier.classify("429 insufficient account balance", provider: provider).reason == .billing)
        #expect(ErrorClassifier.classify("429 insufficient account balance", provider: "anthropic").reason == .rateLimit)
    }

    @Test func tlsOnlyWithoutAStatus() {
        // A status means the handshake worked: the certificate words are something else.
        #expect(ErrorClassifier.classify("certificate has expired", httpStatus: 401).reason == .auth)
        #expect(ErrorClassifier.classify("certificate has expired").reason == .tlsCertificate)
    }

    @Test func anHTMLPageWithAGivenStatusIsATimeout() {
        #expect(ErrorClassifier.classify("<html><body>overloaded</body></html>", httpStatus: 503).reason == .timeout)
        #expect(ErrorClassifier.classify("", httpStatus: 400).reason == nil)
        #expect(ErrorClassifier.classify("", httpStatus: 422).reason == nil)
    }

    @Test func aGivenReasonKeepsItsHintsWithoutBeingRecomputed() {
        let c = ErrorClassifier.hints(in: "402 insufficient credits; resets at 2026-08-22T15:00:00Z", reason: .rateLimit)
        #expect(c.reason == .rateLimit)
        #expect(c.resetAt == Timestamps.parse("2026-08-22T15:00:00Z"))
        #expect(c.waitSeconds(now: Timestamps.parse("2026-08-22T13:00:00Z")!) == 7200)
    }

    @Test func tlsCertificateIsAModelFailureWithTheShortLadder() {
        #expect(FailureReason.tlsCertificate.isModelFailure)
        #expect(CooldownLadder.seconds(for: .tlsCertificate, strike: 1, retryAfterSec: nil, cooldownMinutes: 300) == 60)
        #expect(FailureReason(openClawName: "tls_certificate") == .tlsCertificate)
        #expect(FailureReason(openClawName: "no_error_details") == .unknown)
    }
}
