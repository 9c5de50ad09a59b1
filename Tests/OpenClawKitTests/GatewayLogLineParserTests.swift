import Foundation
import HealCore
import Testing
@testable import OpenClawKit

@Suite struct GatewayLogLineParserTests {
    let received = Date(timeIntervalSince1970: 1_800_000_000)

    func failures(_ line: String) throws -> [GatewayLogLineFailure] {
        try GatewayLogLineParser.parse(Substring(line), receivedAt: received)
    }

    @Test func fallbackDecisionCandidateFailed() throws {
        let line = #"{"0":"{\"subsystem\":\"model-fallback/decision\"}","1":{"event":"model_fallback_decision","tags":["error_handling","model_fallback","candidate_failed"],"runId":"r1","decision":"candidate_failed","requestedProvider":"anthropic","requestedModel":"claude-opus-4-6","candidateProvider":"anthropic","candidateModel":"claude-opus-4-6","attempt":1,"total":2,"reason":"rate_limit","status":429,"nextCandidateProvider":"openai","nextCandidateModel":"gpt-5.2","isPrimary":true},"2":"model fallback decision","_meta":{"logLevelName":"WARN"},"time":"2026-08-22T10:00:00.000Z"}"#
        let result = try failures(line)
        try #require(result.count == 1)
        let event = result[0].event
        #expect(event.model == "anthropic/claude-opus-4-6")
        #expect(event.reason == .rateLimit)
        #expect(event.httpStatus == 429)
        #expect(event.source == .log)
        #expect(event.at == LogTimestamp.date(fromISO8601: "2026-08-22T10:00:00.000Z"))
        #expect(result[0].runId == "r1")
        #expect(result[0].origin == .fallbackDecision)
    }
}
