import Foundation
import HealCore
import Testing
@testable import OpenClawKit

/// The line shapes of docs/OPENCLAW.md §9.1 (structured events, console lines) and §10.2 (raw payloads,
/// `All models failed` summaries). Every expected reason is either written in the line or decided by
/// its HTTP status, so these hold for the status-only classifier and for the full taxonomy.
@Suite struct GatewayLogLineParserTests {
    let received = Date(timeIntervalSince1970: 1_800_000_000)

    func failures(_ line: String) throws -> [GatewayLogLineFailure] {
        try GatewayLogLineParser.parse(Substring(line), receivedAt: received)
    }

    /// A tslog line from a subsystem logger with a meta object, as the gateway writes it.
    func jsonLine(subsystem: String, meta: String, message: String, level: String = "WARN",
                  time: String = "2026-08-22T10:00:00.000Z") -> String {
        let bindings = #"{\"subsystem\":\"\#(subsystem)\"}"#
        return #"{"0":"\#(bindings)","1":\#(meta),"2":"\#(message)","_meta":{"runtime":"node","name":"\#(bindings)","logLevelId":4,"logLevelName":"\#(level)","date":"\#(time)"},"time":"\#(time)"}"#
    }

    /// A tslog line whose only argument after the bindings is the message.
    func messageLine(subsystem: String, message: String, level: String) -> String {
        let bindings = #"{\"subsystem\":\"\#(subsystem)\"}"#
        return #"{"0":"\#(bindings)","1":"\#(message)","_meta":{"logLevelName":"\#(level)"},"time":"2026-08-22T10:00:01.500Z"}"#
    }

    // MARK: - model_fallback_decision

    @Test func fallbackDecisionCandidateFailedFromTheSheet() throws {
        let line = #"{"0":"{\"subsystem\":\"model-fallback/decision\"}","1":{"event":"model_fallback_decision","tags":["error_handling","model_fallback","candidate_failed"],"runId":"r1","decision":"candidate_failed","requestedProvider":"anthropic","requestedModel":"claude-opus-4-6","candidateProvider":"anthropic","candidateModel":"claude-opus-4-6","attempt":1,"total":2,"reason":"rate_limit","status":429,"nextCandidateProvider":"openai","nextCandidateModel":"gpt-5.2","isPrimary":true},"2":"model fallback decision","_meta":{"logLevelName":"WARN"},"time":"2026-08-22T10:00:00.000Z"}"#
        let result = try failures(line)
        try #require(result.count == 1)
        let event = result[0].event
        #expect(event.model == "anthropic/claude-opus-4-6")
        #expect(event.reason == .rateLimit)
        #expect(event.httpStatus == 429)
        #expect(event.source == .log)
        #expect(event.sessionKey == nil)
        #expect(event.at == Date(timeIntervalSince1970: 1_787_392_800))
        #expect(result[0].runId == "r1")
        #expect(result[0].origin == .fallbackDecision)
    }

    @Test func fallbackDecisionUsesTheCandidateNotTheRequestedModel() throws {
        let meta = #"{"event":"model_fallback_decision","runId":"r2","decision":"candidate_failed","requestedProvider":"anthropic","requestedModel":"claude-opus-4-6","candidateProvider":"openai","candidateModel":"gpt-5.2","reason":"billing","httpCode":"402","errorPreview":"402 insufficient credits","providerErrorMessagePreview":"insufficient credits","sessionKey":"agent:main:whatsapp:dm:+15550001"}"#
        let result = try failures(jsonLine(subsystem: "model-fallback/decision", meta: meta, message: "model fallback decision"))
        try #require(result.count == 1)
        #expect(result[0].event.model == "openai/gpt-5.2")
        #expect(result[0].event.reason == .billing)
        #expect(result[0].event.httpStatus == 402)
        #expect(result[0].event.errorText == "402 insufficient credits")
        #expect(result[0].event.sessionKey == "agent:main:whatsapp:dm:+15550001")
    }

    @Test func fallbackDecisionWithoutCandidateFieldsUsesTheFallbackStep() throws {
        let meta = #"{"event":"model_fallback_decision","decision":"candidate_failed","fallbackStepFromModel":"google/gemini-3-pro","fallbackStepFromFailureReason":"overloaded","fallbackStepFromFailureDetail":"529 overloaded"}"#
        let result = try failures(jsonLine(subsystem: "model-fallback/decision", meta: meta, message: "model fallback decision"))
        try #require(result.count == 1)
        #expect(result[0].event.model == "google/gemini-3-pro")
        #expect(result[0].event.reason == .overloaded)
        #expect(result[0].event.errorText == "529 overloaded")
    }

    @Test(arguments: ["candidate_succeeded", "skip_candidate", "probe_cooldown_candidate"])
    func fallbackDecisionsThatAreNoFailure(decision: String) throws {
        let meta = #"{"event":"model_fallback_decision","tags":["model_fallback","candidate_failed_before"],"runId":"r3","decision":"\#(decision)","candidateProvider":"anthropic","candidateModel":"claude-opus-4-6","reason":"rate_limit","status":429}"#
        #expect(try failures(jsonLine(subsystem: "model-fallback/decision", meta: meta, message: "model fallback decision")).isEmpty)
    }

    // MARK: - embedded_run_failover_decision

    @Test func failoverDecisionFromTheSheet() throws {
        // The sample has no real time ("…"): the line then takes the time it was read at.
        let line = #"{"0":"{\"subsystem\":\"agent/embedded\"}","1":{"event":"embedded_run_failover_decision","tags":["error_handling","failover","assistant","rotate_profile"],"runId":"r1","stage":"assistant","decision":"rotate_profile","failoverReason":"rate_limit","profileFailureReason":"rate_limit","provider":"anthropic","model":"claude-opus-4-6","profileId":"anthropic:default","fallbackConfigured":true,"status":429,"consoleMessage":"embedded run failover decision: runId=r1 stage=assistant decision=rotate_profile reason=rate_limit provider=anthropic/claude-opus-4-6 profile=anthropic:default"},"2":"embedded run failover decision","_meta":{"logLevelName":"WARN"},"time":"…"}"#
        let result = try failures(line)
        try #require(result.count == 1)
        #expect(result[0].event.model == "anthropic/claude-opus-4-6")
        #expect(result[0].event.reason == .rateLimit)
        #expect(result[0].event.httpStatus == 429)
        #expect(result[0].event.at == received)
        #expect(result[0].origin == .failoverDecision)
        #expect(result[0].runId == "r1")
    }

    @Test func failoverDecisionFallsBackToTheProfileReason() throws {
        let meta = #"{"event":"embedded_run_failover_decision","decision":"surface_error","profileFailureReason":"auth_permanent","provider":"openai-codex","model":"gpt-5.2","status":401}"#
        let result = try failures(jsonLine(subsystem: "agent/embedded", meta: meta, message: "embedded run failover decision"))
        #expect(result.map(\.event.reason) == [.authPermanent])
        #expect(result.map(\.event.model) == ["openai-codex/gpt-5.2"])
    }

    @Test func failoverDecisionWithOnlyAStatusIsClassifiedByIt() throws {
        let meta = #"{"event":"embedded_run_failover_decision","decision":"fallback_model","provider":"anthropic","model":"claude-opus-4-6","status":529}"#
        let result = try failures(jsonLine(subsystem: "agent/embedded", meta: meta, message: "embedded run failover decision"))
        #expect(result.map(\.event.reason) == [.overloaded])
    }

    // MARK: - embedded_run_agent_end

    @Test func agentEndWithAnHTTPError() throws {
        let meta = #"{"event":"embedded_run_agent_end","tags":["error_handling","lifecycle","agent_end","assistant_error"],"runId":"r7","isError":true,"error":"HTTP 524: A timeout occurred","failoverReason":"timeout","model":"gpt-5.4","provider":"windhub","httpCode":"524","consoleMessage":"embedded run agent end: runId=r7 isError=true model=gpt-5.4 provider=windhub error=HTTP 524: A timeout occurred"}"#
        let result = try failures(jsonLine(subsystem: "agent/embedded", meta: meta, message: "embedded run agent end"))
        try #require(result.count == 1)
        #expect(result[0].event.model == "windhub/gpt-5.4")
        #expect(result[0].event.httpStatus == 524)
        #expect(result[0].event.reason == .timeout)
        #expect(result[0].event.errorText == "HTTP 524: A timeout occurred")
        #expect(result[0].origin == .agentEnd)
    }

    @Test func agentEndThatIsNoErrorIsIgnored() throws {
        let meta = #"{"event":"embedded_run_agent_end","runId":"r8","isError":false,"model":"gpt-5.4","provider":"windhub","status":429}"#
        #expect(try failures(jsonLine(subsystem: "agent/embedded", meta: meta, message: "embedded run agent end")).isEmpty)
    }

    @Test func agentEndWithASummaryGivesOneFailurePerModel() throws {
        let summary = #"All models failed (2): anthropic/claude-opus-4-6: 429 {\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}} (rate_limit) | openai/gpt-5.2: LLM request timed out. (timeout)"#
        let meta = #"{"event":"embedded_run_agent_end","runId":"r9","isError":true,"error":"\#(summary)","model":"gpt-5.2","provider":"openai","sessionKey":"agent:main:main"}"#
        let result = try failures(jsonLine(subsystem: "agent/embedded", meta: meta, message: "embedded run agent end"))
        #expect(result.map(\.event.model) == ["anthropic/claude-opus-4-6", "openai/gpt-5.2"])
        #expect(result.map(\.event.reason) == [.rateLimit, .timeout])
        #expect(result.map(\.event.httpStatus) == [429, nil])
        #expect(result.map(\.runId) == ["r9", "r9"])
        #expect(result.map(\.event.sessionKey) == ["agent:main:main", "agent:main:main"])
        #expect(result.allSatisfy { $0.origin == .failureSummary })
    }

    // MARK: - Raw provider errors (§10.2)

    @Test(arguments: [
        (#"429 {\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Number of request tokens has exceeded your per-minute rate limit\"}}"#, FailureReason.rateLimit, 429),
        (#"529 {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"#, .overloaded, 529),
        (#"401 {\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}"#, .auth, 401),
    ])
    func rawPayloadInAnErrorLineWithItsModelInTheMeta(payload: String, reason: FailureReason, status: Int) throws {
        let meta = #"{"provider":"anthropic","model":"claude-opus-4-6","runId":"r10"}"#
        let result = try failures(jsonLine(subsystem: "agent/embedded", meta: meta, message: payload, level: "ERROR"))
        try #require(result.count == 1)
        #expect(result[0].event.model == "anthropic/claude-opus-4-6")
        #expect(result[0].event.httpStatus == status)
        #expect(result[0].event.reason == reason)
        #expect(result[0].origin == .providerError)
    }

    @Test func rawPayloadWithoutAModelIsNotAttributed() throws {
        let line = messageLine(subsystem: "agent/embedded",
                               message: #"request failed: 429 {\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\"}}"#,
                               level: "ERROR")
        #expect(try failures(line).isEmpty)
    }

    @Test func summaryInAnErrorLineFromTheSheet() throws {
        let message = #"Embedded agent failed before reply: All models failed (2): anthropic/claude-opus-4-6: 429 {\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"…\"}} (rate_limit) | openai/gpt-5.2: … (timeout)"#
        let result = try failures(messageLine(subsystem: "agent/embedded", message: message, level: "ERROR"))
        #expect(result.map(\.event.model) == ["anthropic/claude-opus-4-6", "openai/gpt-5.2"])
        #expect(result.map(\.event.reason) == [.rateLimit, .timeout])
        #expect(result.map(\.event.httpStatus) == [429, nil])
        #expect(result[0].event.errorText.hasPrefix(#"429 {"type":"error""#))
        #expect(result[0].event.at == Date(timeIntervalSince1970: 1_787_392_801.5))
    }

    @Test func summaryWithAProviderInCooldown() throws {
        let message = #"⚠️ Agent failed before reply: All models failed (1): custom-x/deepseek-v4-pro: Provider custom-x is in cooldown (suspending lanes) (timeout).\nLogs: openclaw logs --follow"#
        let result = try failures(messageLine(subsystem: "agent/embedded", message: message, level: "WARN"))
        try #require(result.count == 1)
        #expect(result[0].event.model == "custom-x/deepseek-v4-pro")
        #expect(result[0].event.reason == .timeout)
        #expect(result[0].event.errorText == "Provider custom-x is in cooldown (suspending lanes)")
    }

    @Test func summaryEntryTextMayContainTheSeparator() throws {
        let summary = "All models failed (2): a/m1: 503 upstream | gateway said no (timeout) | b/m2: 401 (auth)"
        let entries = GatewayLogLineParser.summaryEntries(in: summary)
        #expect(entries == [
            .init(model: "a/m1", detail: "503 upstream | gateway said no", reason: "timeout"),
            .init(model: "b/m2", detail: "401", reason: "auth"),
        ])
    }

    @Test func summaryWithElidedModelsYieldsNothing() throws {
        let message = "⚠️ Agent failed before reply: All models failed (4): openrouter/…: 401"
        #expect(try failures(messageLine(subsystem: "agent/embedded", message: message, level: "ERROR")).isEmpty)
    }

    @Test func summaryModelsMayContainColons() throws {
        let entries = GatewayLogLineParser.summaryEntries(in: "All models failed (1): ollama/llama3:8b: HTTP 404 (model_not_found)")
        #expect(entries == [.init(model: "ollama/llama3:8b", detail: "HTTP 404", reason: "model_not_found")])
    }

    @Test func infoLinesAreIgnoredEvenWithASummary() throws {
        let message = "All models failed (1): anthropic/claude-opus-4-6: 429 (rate_limit)"
        #expect(try failures(messageLine(subsystem: "agent/embedded", message: message, level: "INFO")).isEmpty)
    }

    @Test func newerTopLevelShape() throws {
        let line = #"{"time":"2026-08-22T10:00:02Z","level":"error","subsystem":"agent/embedded","message":"All models failed (1): anthropic/claude-opus-4-6: 402 insufficient credits (billing)","session_id":"sess-42","agent_id":"main","hostname":"gw"}"#
        let result = try failures(line)
        try #require(result.count == 1)
        #expect(result[0].event.model == "anthropic/claude-opus-4-6")
        #expect(result[0].event.reason == .billing)
        #expect(result[0].event.httpStatus == 402)
        #expect(result[0].event.sessionKey == "sess-42")
    }

    // MARK: - Console lines

    @Test func consoleAgentEndLineWithProviderAndModel() throws {
        let line = "10:00:03 [agent/embedded] embedded run agent end: runId=r11 isError=true model=gpt-5.4 provider=windhub error=HTTP 524: upstream gave up rawError=<html>524</html>"
        let result = try failures(line)
        try #require(result.count == 1)
        #expect(result[0].event.model == "windhub/gpt-5.4")
        #expect(result[0].event.httpStatus == 524)
        #expect(result[0].event.errorText == "HTTP 524: upstream gave up")
        #expect(result[0].event.at == received)
        #expect(result[0].runId == "r11")
    }

    @Test func consoleFailoverDecisionFromTheSheet() throws {
        let line = "10:00:03 [agent/embedded] embedded run failover decision: runId=r1 stage=assistant decision=rotate_profile reason=rate_limit provider=anthropic/claude-opus-4-6 profile=anthropic:default"
        let result = try failures(line)
        try #require(result.count == 1)
        #expect(result[0].event.model == "anthropic/claude-opus-4-6")
        #expect(result[0].event.reason == .rateLimit)
        #expect(result[0].runId == "r1")
    }

    @Test func consoleRateLimitPayload() throws {
        let line = #"2026-08-22T10:00:04.000Z WARN [agent/embedded] provider=anthropic model=claude-opus-4-6: 429 {"type":"error","error":{"type":"rate_limit_error","message":"slow down"}}"#
        let result = try failures(line)
        #expect(result.map(\.event.model) == ["anthropic/claude-opus-4-6"])
        #expect(result.map(\.event.reason) == [.rateLimit])
        #expect(result.map(\.event.at) == [Date(timeIntervalSince1970: 1_787_392_804)])
    }

    @Test(arguments: [
        "[health-monitor] [whatsapp:default] health-monitor: restarting (reason: stale-socket)",
        "[whatsapp] [default] auto-restart attempt 1/10 in 5s",
        "Profile openai-codex:default timed out. Trying next account...",
        "Token refresh failed: refresh_token_reused",
        "10:00:05 [agent/embedded] embedded run agent end: runId=r12 isError=false",
        "embedded_run_agent_end … provider=windhub … HTTP 524",
    ])
    func consoleLinesWithoutAnAttributableModelFailure(line: String) throws {
        #expect(try failures(line).isEmpty)
    }

    // MARK: - Context overflow

    @Test func contextOverflowIsNoModelFailure() throws {
        let meta = #"{"event":"model_fallback_decision","decision":"candidate_failed","candidateProvider":"anthropic","candidateModel":"claude-opus-4-6","reason":"context_overflow"}"#
        #expect(try failures(jsonLine(subsystem: "model-fallback/decision", meta: meta, message: "model fallback decision")).isEmpty)
        let summary = "All models failed (2): a/m1: prompt is too long (context_overflow) | b/m2: 429 (rate_limit)"
        let result = try failures(messageLine(subsystem: "agent/embedded", message: summary, level: "ERROR"))
        #expect(result.map(\.event.model) == ["b/m2"])
    }

    // MARK: - Bad input

    @Test func truncatedJSONIsATypedError() throws {
        let full = jsonLine(subsystem: "model-fallback/decision",
                            meta: #"{"event":"model_fallback_decision","decision":"candidate_failed","candidateProvider":"a","candidateModel":"m"}"#,
                            message: "model fallback decision")
        for cut in stride(from: 60, to: full.utf8.count - 1, by: 7) {
            let truncated = String(decoding: Array(full.utf8.prefix(cut)), as: UTF8.self)
            guard truncated.contains("candidate_failed") else { continue }  // else the fast path drops it
            #expect(throws: GatewayLogLineError.self) { try failures(truncated) }
        }
    }

    @Test func bracketedLinesAreReadAsConsoleText() throws {
        // Console lines start with `[subsystem]`; a JSON array is no tslog record either way.
        #expect(try failures(#"["candidate_failed"]"#).isEmpty)
        #expect(try failures("[model-fallback] candidate_failed for anthropic/claude-opus-4-6").isEmpty)
    }

    @Test func deeplyNestedJSONIsRejectedWithoutCrashing() throws {
        let line = #"{"candidate_failed":"# + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        #expect(throws: GatewayLogLineError.self) { try failures(line) }
    }

    @Test func binaryGarbageDoesNotCrash() throws {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<500 {
            var bytes = (0..<Int.random(in: 0..<300, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            // Plant a marker in some of them so the slow path runs too.
            if Bool.random(using: &generator) {
                bytes.insert(contentsOf: Array("All models failed (1): a/b: 429 (rate_limit)".utf8), at: bytes.count / 2)
            }
            if Bool.random(using: &generator) { bytes.insert(UInt8(ascii: "{"), at: 0) }
            _ = bytes.withUnsafeBytes { try? GatewayLogLineParser.parse($0, receivedAt: received) }
        }
    }

    @Test func linesWithoutMarkersAreNotDecoded() throws {
        // Invalid JSON, but no marker: rejected by the fast path, so no error either.
        #expect(try failures(#"{"0":"broken"#).isEmpty)
        #expect(try failures("").isEmpty)
        let routine = messageLine(subsystem: "whatsapp", message: "[default] inbound message from +15550001 (12 chars)", level: "INFO")
        #expect(routine.withCString { !GatewayLogLineParser.mightReportFailure(UnsafeRawBufferPointer(start: $0, count: strlen($0))) })
    }

    @Test func escapedUnicodeInMessagesIsDecoded() throws {
        let message = #"\ud83e\udd9e All models failed (1): anthropic/claude-opus-4-6: \u00fcberlastet 529 (overloaded)"#
        let result = try failures(messageLine(subsystem: "agent/embedded", message: message, level: "ERROR"))
        #expect(result.map(\.event.errorText) == ["überlastet 529"])
        #expect(result.map(\.event.reason) == [.overloaded])
    }

    // MARK: - Markers and helpers

    @Test func grepPatternEscapesEveryMetacharacter() {
        let pattern = GatewayLogLineParser.grepPattern
        #expect(pattern.hasPrefix("candidate_failed|failover_decision|"))
        #expect(pattern.contains(#"|\{"type":"error"|"#))
        #expect(pattern.hasSuffix(#"|\{\\"type\\":\\"error\\""#))
        #expect(pattern.split(separator: "|").count == GatewayLogLineParser.markers.count)
    }

    @Test(arguments: [
        ("429 {\"type\":\"error\"}", 429), ("400 status code (no body)", 400), ("HTTP 524: A timeout", 524),
        ("got HTTP/1.1 503 Service Unavailable", 503), ("status=429", 429), (#"{"status":402}"#, 402),
        ("status code 401", 401), ("failed: 529 {\"type\":\"error\",\"error\":{}}", 529),
    ])
    func httpStatusInText(text: String, status: Int) {
        #expect(GatewayLogLineParser.httpStatus(in: text) == status)
    }

    @Test(arguments: ["2026-08-22T10:00:00Z", "took 4290 ms", "id 12345", "429.5 tokens", "status 999", "port 18789", ""])
    func noHttpStatusInText(text: String) {
        #expect(GatewayLogLineParser.httpStatus(in: text) == nil)
    }

    @Test func byteSearchFindsWholeNeedles() {
        let text: Substring = "⚠️ a | b … c | d"[...]
        let first = GatewayLogLineParser.firstRange(of: " | ", in: text)
        let last = GatewayLogLineParser.firstRange(of: " | ", in: text, backwards: true)
        #expect(first.map { String(text[..<$0.lowerBound]) } == "⚠️ a")
        #expect(last.map { String(text[$0.upperBound...]) } == "d")
        #expect(GatewayLogLineParser.firstRange(of: "…", in: text).map { String(text[$0]) } == "…")
        #expect(GatewayLogLineParser.firstRange(of: "x", in: text) == nil)
        #expect(GatewayLogLineParser.firstRange(of: "", in: text) == nil)
        #expect(GatewayLogLineParser.firstRange(of: "d!", in: text) == nil)
        let slice = text.dropFirst(2)
        #expect(GatewayLogLineParser.firstRange(of: "a", in: slice).map { slice.distance(from: slice.startIndex, to: $0.lowerBound) } == 0)
    }

    @Test func modelIdentifiers() {
        #expect(GatewayLogLineParser.modelIdentifier(provider: "anthropic", model: "claude-opus-4-6") == "anthropic/claude-opus-4-6")
        #expect(GatewayLogLineParser.modelIdentifier(provider: "anthropic", model: "anthropic/claude-opus-4-6") == "anthropic/claude-opus-4-6")
        #expect(GatewayLogLineParser.modelIdentifier(provider: "openrouter", model: "anthropic/claude-3") == "openrouter/anthropic/claude-3")
        #expect(GatewayLogLineParser.modelIdentifier(provider: nil, model: "openai/gpt-5.2") == "openai/gpt-5.2")
        #expect(GatewayLogLineParser.modelIdentifier(provider: nil, model: "gpt-5.2") == nil)
        #expect(GatewayLogLineParser.modelIdentifier(provider: "windhub", model: "unknown") == nil)
    }

    /// One value from the line to the event: split once, with a name on each side of the `/`.
    @Test func modelIdentifiersAreValues() throws {
        let id = try #require(GatewayLogLineParser.modelIdentifier(provider: "ollama", model: "qwen3:8b"))
        #expect(id.provider == "ollama" && id.model == "qwen3:8b")
        #expect(GatewayLogLineParser.modelIdentifier(provider: nil, model: "openai/") == nil)
        #expect(GatewayLogLineParser.modelIdentifier(provider: nil, model: "/gpt-5.2") == nil)
        #expect(GatewayLogLineParser.modelIdentifier(provider: " anthropic ", model: "claude-opus-4-6 ") == "anthropic/claude-opus-4-6")
    }
}

/// A small deterministic generator (SplitMix64) so fuzz-style tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
