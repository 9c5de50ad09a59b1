import Foundation
import HealCore
import OpenClawKit
import Testing
@testable import SelfHealDaemon

struct FailureEventBodyTests {
    let now = Date(timeIntervalSince1970: 1_760_000_000)

    func parse(_ text: String) throws -> FailureEventBody.Parsed {
        try FailureEventBody.parse(Array(text.utf8), now: now)
    }

    @Test func agentEndFlat() throws {
        let parsed = try parse(#"{"success": false, "error": "429 rate_limit_error", "sessionKey": "agent:main:main"}"#)
        guard case .failure(let event) = parsed else { Issue.record("expected a failure"); return }
        #expect(event.sessionKey == "agent:main:main")
        #expect(event.errorText == "429 rate_limit_error")
        #expect(event.source == .http)
        #expect(event.at == now)
    }

    @Test func agentEndAsHookArguments() throws {
        let parsed = try parse(#"{"event": {"success": false, "error": "boom", "messages": []}, "ctx": {"sessionKey": "k1", "agentId": "main"}}"#)
        guard case .failure(let event) = parsed else { Issue.record("expected a failure"); return }
        #expect(event.sessionKey == "k1")
    }

    @Test func successIsIgnored() throws {
        #expect(try parse(#"{"success": true}"#) == .ignored("success: true is not a failure"))
    }

    @Test func plainShapeKeepsModelAndStatus() throws {
        guard case .failure(let event) = try parse(#"{"model": "anthropic/claude-opus-4-6", "error": "Overloaded", "status": 529}"#) else {
            Issue.record("expected a failure"); return
        }
        #expect(event.model == "anthropic/claude-opus-4-6")
        #expect(event.httpStatus == 529)
    }

    @Test func messageSentWithoutFailureTextIsIgnored() throws {
        #expect(try parse(#"{"content": "Good morning! Here is your brief."}"#) == .ignored("content carries no model failure"))
    }

    @Test(arguments: [
        "", "[]", "nope", #"{"foo": 1}"#, #"{"success": "no"}"#, #"{"success": 0, "error": "x"}"#,
        #"{"model": "no-slash", "error": "x"}"#, #"{"model": "a/b", "error": "x", "status": 99}"#,
        #"{"model": "a/b", "error": "x", "status": true}"#, #"{"error": 5}"#, #"{"error": ""}"#,
    ])
    func rejectsMalformedBodies(body: String) {
        #expect(throws: FailureEventBody.Invalid.self) { try parse(body) }
    }

    /// The body is classified here, once, and the verdict goes with the failure to the healer.
    @Test func theVerdictGoesWithTheFailure() throws {
        guard case .failure(let failure) = try parse(#"{"success": false, "error": "429 rate_limit_error: try again in 20s"}"#) else {
            Issue.record("expected a failure"); return
        }
        #expect(failure.classification == Classification(reason: .rateLimit, retryAfterSec: 20))
        guard case .failure(let sent) = try parse(#"{"content": "⚠️ API rate limit reached. Please try again in 30s."}"#) else {
            Issue.record("expected a failure"); return
        }
        #expect(sent.reason == .rateLimit && sent.classification.retryAfterSec == 30)
    }

    /// Read by the log's JSON reader: escapes and surrogate pairs as in a log line, `null` as absent.
    @Test func readsTheBodyLikeALogLine() throws {
        guard case .failure(let failure) = try parse(#"{"model": null, "error": "\u26a0\ufe0f Overloaded \ud83d\ude00", "status": null, "httpStatus": 529.0}"#) else {
            Issue.record("expected a failure"); return
        }
        #expect(failure.errorText == "\u{26A0}\u{FE0F} Overloaded \u{1F600}")
        #expect(failure.httpStatus == 529 && failure.model == nil)
        #expect(throws: FailureEventBody.Invalid.self) { try parse(#"{"error": "x"} trailing"#) }
        #expect(throws: FailureEventBody.Invalid.self) { try parse(#"{"error": "x", "status": 429.5}"#) }
    }
}
