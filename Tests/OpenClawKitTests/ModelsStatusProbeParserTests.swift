import HealCore
import Testing
@testable import OpenClawKit

@Suite struct ModelsStatusProbeParserTests {
    @Test func perProviderResults() throws {
        let results = try ModelsStatusProbeParser.parse(stdout: SheetSamples.modelsStatusProbe)
        #expect(results == [
            ProbeResult(model: "anthropic/claude-opus-4-6", ok: false, reason: .rateLimit, latencyMs: 812,
                        detail: "429 … rate_limit_error … [anthropic:default]"),
            ProbeResult(model: "openai/gpt-5.2", ok: true, reason: nil, latencyMs: 1330, detail: "ok [env]"),
        ])
    }

    @Test func statusesMapOntoTheTaxonomy() {
        #expect(ModelsStatusProbeParser.reason(forProbeStatus: "auth") == .auth)
        #expect(ModelsStatusProbeParser.reason(forProbeStatus: "billing") == .billing)
        #expect(ModelsStatusProbeParser.reason(forProbeStatus: "timeout") == .timeout)
        #expect(ModelsStatusProbeParser.reason(forProbeStatus: "format") == .format)
        #expect(ModelsStatusProbeParser.reason(forProbeStatus: "no_model") == nil)
        #expect(ModelsStatusProbeParser.reason(forProbeStatus: "something_new") == .unknown)
    }

    @Test func modelWithoutProviderPrefixGetsOne() throws {
        let text = #"{"auth":{"probes":{"results":[{"provider":"openai","model":"gpt-5.2","status":"ok"}]}}}"#
        #expect(try ModelsStatusProbeParser.parse(stdout: text).first?.model == "openai/gpt-5.2")
    }

    @Test func secretsInProbeErrorsAreRedacted() throws {
        let text = #"{"auth":{"probes":{"results":[{"provider":"openai","model":"openai/x","status":"auth","error":"401 invalid key sk-proj-abcdefghijklmnopqrstuv"}]}}}"#
        let detail = try #require(try ModelsStatusProbeParser.parse(stdout: text).first?.detail)
        #expect(!detail.contains("abcdefghijklmnop"))
        #expect(detail.contains("[REDACTED]"))
    }

    @Test func withoutProbeIsATypedError() {
        #expect(throws: OpenClawOutputError(command: "models status --probe --json",
                                            problem: .unexpectedShape("no auth.probes in the payload (was --probe given?)"))) {
            try ModelsStatusProbeParser.parse(stdout: #"{"auth":{"providers":[]}}"#)
        }
        #expect(throws: OpenClawOutputError.self) { try ModelsStatusProbeParser.parse(stdout: "error: unknown option '--probe'") }
    }
}
