import Foundation
import HealCore
import Testing
@testable import OpenClawKit

/// Issue 13: what a log line says about the failover decision, the auth profile and the reset time.
@Suite struct GatewayLogLineEvidenceTests {
    let received = Date(timeIntervalSince1970: 1_800_000_000)

    func failures(_ line: String) throws -> [GatewayLogLineFailure] {
        try GatewayLogLineParser.parse(Substring(line), receivedAt: received)
    }

    @Test func rotateProfileCarriesItsDecisionAndProfile() throws {
        let line = #"{"0":"{\"subsystem\":\"agent/embedded\"}","1":{"event":"embedded_run_failover_decision","decision":"rotate_profile","failoverReason":"rate_limit","provider":"anthropic","model":"claude-opus-4-6","profileId":"anthropic:default","status":429},"2":"embedded run failover decision","_meta":{"logLevelName":"WARN"},"time":"2026-09-01T10:00:00.000Z"}"#
        let event = try #require(try failures(line).first).event
        #expect(event.decision == "rotate_profile")
        #expect(event.profileId == "anthropic:default")
        #expect(!event.showsModelFailing)
    }

    @Test func theConsoleFormCarriesThemToo() throws {
        let line = "10:00:03 [agent/embedded] embedded run failover decision: runId=r1 stage=assistant decision=rotate_profile reason=rate_limit provider=anthropic/claude-opus-4-6 profile=anthropic:default"
        let event = try #require(try failures(line).first).event
        #expect(event.decision == "rotate_profile" && event.profileId == "anthropic:default")
    }

    @Test(arguments: ["fallback_model", "surface_error"])
    func otherDecisionsShowTheModelFailing(decision: String) throws {
        let line = #"{"0":"{\"subsystem\":\"agent/embedded\"}","1":{"event":"embedded_run_failover_decision","decision":"\#(decision)","failoverReason":"overloaded","provider":"anthropic","model":"claude-opus-4-6"},"_meta":{"logLevelName":"WARN"}}"#
        let event = try #require(try failures(line).first).event
        #expect(event.showsModelFailing && event.reason == .overloaded)
    }

    @Test func theModelFailoverDiagnosticBlamesItsFromModel() throws {
        let line = #"{"0":"{\"subsystem\":\"diagnostics\"}","1":{"event":"model.failover","from":"anthropic/claude-opus-4-6","to":"openai/gpt-5.2","reason":"server_error","cascadeDepth":1,"suspended":false},"2":"model failover","_meta":{"logLevelName":"WARN"},"time":"2026-09-01T10:00:00.000Z"}"#
        let event = try #require(try failures(line).first).event
        #expect(event.model == "anthropic/claude-opus-4-6")
        #expect(event.reason == .serverError)
        #expect(event.decision == "model.failover")
    }

    @Test func aResetTimeInTheErrorIsKept() throws {
        let line = #"{"0":"{\"subsystem\":\"model-fallback/decision\"}","1":{"event":"model_fallback_decision","decision":"candidate_failed","candidateProvider":"anthropic","candidateModel":"claude-opus-4-6","reason":"rate_limit","status":429,"errorPreview":"Claude usage limit reached; resets at 2026-09-01T12:00:00Z"},"_meta":{"logLevelName":"WARN"},"time":"2026-09-01T10:00:00.000Z"}"#
        let event = try #require(try failures(line).first).event
        #expect(event.resetAt == Timestamps.parse("2026-09-01T12:00:00Z"))
        #expect(event.reason == .rateLimit, "OpenClaw's reason kept")
        #expect(event.decision == "candidate_failed")
    }

    @Test func aGivenReasonIsNotOverriddenByTheText() throws {
        // The preview reads as billing; OpenClaw decided rate_limit.
        let line = #"{"0":"{\"subsystem\":\"model-fallback/decision\"}","1":{"event":"model_fallback_decision","decision":"candidate_failed","candidateProvider":"openai","candidateModel":"gpt-5.2","reason":"rate_limit","errorPreview":"402 insufficient credits"},"_meta":{"logLevelName":"WARN"}}"#
        #expect(try failures(line).first?.event.reason == .rateLimit)
    }

    @Test func cronJobsCarryTheirModel() throws {
        let jobs = try CronListParser.parse(stdout: #"{"jobs":[{"id":"a","name":"A","enabled":true,"payload":{"kind":"agentTurn","message":"hi","model":"openai/gpt-5.2"},"state":{"lastRunStatus":"error","lastErrorReason":"rate_limit","consecutiveErrors":4}},{"id":"b","name":"B","enabled":true,"payload":{"kind":"systemEvent","text":"x"},"state":{}}]}"#)
        #expect(jobs.map(\.model) == ["openai/gpt-5.2", nil])
        #expect(jobs[0].lastErrorReason == "rate_limit" && jobs[0].consecutiveErrors == 4)
    }

    @Test func configValidateAnswers() {
        let argv = ["openclaw", "config", "validate"]
        #expect(OpenClawObserver.validateVerdict(CommandResult(argv: argv, exitCode: 0, stdout: "Config valid: /x/openclaw.json\n"), timeoutSec: 5) == nil)
        #expect(OpenClawObserver.validateVerdict(CommandResult(argv: argv, exitCode: 1, stderr: "Config invalid: /x\n- gateway.mode: Invalid input\n"), timeoutSec: 5)
                == .invalid("openclaw config validate: Config invalid: /x; - gateway.mode: Invalid input"))
        #expect(OpenClawObserver.validateVerdict(CommandResult(argv: argv, timedOut: true, durationMs: 5000), timeoutSec: 5)
                == .invalid("openclaw config validate did not answer within 5 s"))
        #expect(OpenClawObserver.validateVerdict(CommandResult(argv: argv, exitCode: 1, stderr: "error: unknown command 'validate'\n"), timeoutSec: 5) == nil,
                "a CLI without the command leaves the guard's own check")
    }
}

@Suite struct LogFailureDeduplicatorRotateTests {
    @Test func aRotateProfileDoesNotHideTheCandidateFailedOfItsRun() {
        var dedup = LogFailureDeduplicator()
        func failure(_ decision: String) -> GatewayLogLineFailure {
            GatewayLogLineFailure(event: FailureEvent(at: Date(), source: .log, model: "anthropic/claude-opus-4-6", errorText: "",
                                                      reason: .rateLimit, decision: decision),
                                  runId: "r1", origin: .failoverDecision)
        }
        let answers = ["rotate_profile", "candidate_failed", "fallback_model", "rotate_profile"].map { dedup.isNew(failure($0)) }
        // The rotation does not hide the model failure; still one of each per run and model.
        #expect(answers == [true, true, false, false])
    }
}
