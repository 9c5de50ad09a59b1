import Foundation
import Testing
@testable import HealCore

@Suite struct ErrorClassifierRetryHintTests {
    static let relative: [(String, Int)] = [
        ("429 Too Many Requests\nRetry-After: 30", 30),
        ("rate limit exceeded, retry after 20 seconds", 20),
        ("rate limit exceeded, retry after 20", 20),
        ("Rate limit reached. Please try again in 20s.", 20),
        ("Rate limit reached. Please try again in 1m30s.", 90),
        ("rate limited: try again in 2 minutes", 120),
        ("Rate limit reached. Please try again in 6ms.", 1),
        ("Rate limit reached for gpt-4o on tokens per min (TPM). Please try again in 6.8s.", 7),
        ("429 quota exceeded. Please retry in 34.123456789s.", 35),
        (#"{"error":{"code":429,"status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"34s"}]}}"#, 34),
        ("You've hit your usage limit. Try again in 2 days 3 hours 12 minutes.", 184_320),
        ("usage limit reached, resets in 3 hours", 10800),
        ("rate limit: try again in 1 hour and 5 minutes", 3900),
        ("rate limit hit (x-ratelimit-reset-tokens: 6m0s)", 360),
        ("rate limit: try again in 400 days", RetryHint.maxWaitSec),
    ]

    @Test(arguments: relative)
    func relativeWaits(text: String, seconds: Int) {
        let c = ErrorClassifier.classify(text)
        #expect(c.reason == .rateLimit)
        #expect(c.retryAfterSec == seconds)
    }

    @Test func overloadedAndBillingCarryHintsToo() {
        #expect(ErrorClassifier.classify("Overloaded. Retry-After: 12", httpStatus: 529).retryAfterSec == 12)
        #expect(ErrorClassifier.classify("The AI service is temporarily overloaded. Please try again in a moment.").retryAfterSec == nil)
    }

    @Test(arguments: [
        "rate limit exceeded",
        "rate limit exceeded after 20 requests",
        "rate limit; retry after 2026-04-29",
        "rate limit, try again in a bit",
        "rate limit; retry in 5 apples",
        "rate limit exceeded at 10:14:29",
    ])
    func textsWithoutAWaitHaveNone(text: String) {
        let c = ErrorClassifier.classify(text)
        #expect(c.reason == .rateLimit)
        #expect(c.retryAfterSec == nil)
        #expect(c.resetAt == nil)
    }

    @Test func absoluteResetTimes() throws {
        let iso = ErrorClassifier.classify("Weekly usage limit reached; resets at 2026-08-22T15:00:00Z")
        #expect(iso.reason == .rateLimit)
        #expect(iso.resetAt == Date(timeIntervalSince1970: 1_787_410_800))
        #expect(iso.retryAfterSec == nil)

        let offset = ErrorClassifier.classify("rate limit; reset at 2026-08-22T17:00:00.500+02:00")
        #expect(offset.resetAt == Date(timeIntervalSince1970: 1_787_410_800.5))

        let header = ErrorClassifier.classify("429 rate limited, anthropic-ratelimit-requests-reset: 2026-08-22T15:00Z")
        #expect(header.resetAt == Date(timeIntervalSince1970: 1_787_410_800))

        let claude = ErrorClassifier.classify("Claude AI usage limit reached|1755874800")
        #expect(claude.resetAt == Date(timeIntervalSince1970: 1_755_874_800))

        let httpDate = ErrorClassifier.classify("503 overloaded\nRetry-After: Sat, 22 Aug 2026 15:00:00 GMT")
        #expect(httpDate.reason == .overloaded)
        #expect(httpDate.resetAt == Date(timeIntervalSince1970: 1_787_410_800))
    }

    @Test func waitSecondsUsesTheRelativeHintElseTheResetTime() {
        let now = Date(timeIntervalSince1970: 1_787_410_000)
        #expect(Classification(reason: .rateLimit, retryAfterSec: 30).waitSeconds(now: now) == 30)
        let reset = Classification(reason: .rateLimit, resetAt: Date(timeIntervalSince1970: 1_787_410_800))
        #expect(reset.waitSeconds(now: now) == 800)
        #expect(reset.waitSeconds(now: now.addingTimeInterval(799.5)) == 1)
        #expect(reset.waitSeconds(now: now.addingTimeInterval(5000)) == 0)
        #expect(Classification(reason: .rateLimit).waitSeconds(now: now) == nil)
    }

    @Test func noHintsForTextsThatAreNoFailure() {
        let c = ErrorClassifier.classify("[whatsapp] [default] auto-restart attempt 1/10, retry in 5s")
        #expect(c == Classification(reason: nil))
    }
}
