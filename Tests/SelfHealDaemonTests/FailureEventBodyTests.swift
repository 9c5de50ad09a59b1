import Foundation
import HealCore
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
}
