import HealCore
import Testing
@testable import OpenClawKit

@Suite struct InferRunParserTests {
    let model: ModelID = "anthropic/claude-opus-4-6"
    func result(_ exit: Int32, _ stdout: String, _ stderr: String = "") -> CommandResult {
        CommandResult(argv: [], exitCode: exit, stdout: stdout, stderr: stderr, durationMs: 420)
    }

    @Test func jsonReplyIsOK() {
        let probe = InferRunParser.parse(result(0, #"{"provider":"anthropic","model":"claude-opus-4-6","text":"pong"}"#), model: model)
        #expect(probe == ProbeResult(model: model, ok: true, latencyMs: 420, detail: "replied: pong"))
    }

    @Test func plainTextReplyIsOK() {
        #expect(InferRunParser.parse(result(0, SheetSamples.pluginPrefix + "pong\n"), model: model).ok)
    }

    @Test func exitZeroWithoutTextIsNotOK() {
        let probe = InferRunParser.parse(result(0, #"{"text":""}"#), model: model)
        #expect(!probe.ok)
        #expect(probe.reason == nil)
    }

    @Test func failureIsClassified() {
        let probe = InferRunParser.parse(result(1, "", #"Error: 429 {"type":"error","error":{"type":"rate_limit_error","message":"slow down"}}"#), model: model)
        #expect(!probe.ok)
        #expect(probe.reason == .rateLimit)
        let auth = InferRunParser.parse(result(1, "", "HTTP 401: invalid x-api-key"), model: model)
        #expect(auth.reason == .auth)
        let unknown = InferRunParser.parse(result(1, "", "something odd"), model: model)
        #expect(unknown.reason == .unknown)
    }

    @Test func jsonErrorEnvelopeWithExitZeroIsAFailure() {
        let probe = InferRunParser.parse(result(0, #"{"ok":false,"error":{"message":"529 overloaded"}}"#), model: model)
        #expect(!probe.ok)
        #expect(probe.reason == .overloaded)
    }

    @Test func timeoutLaunchErrorAndUnknownCommand() {
        let timedOut = InferRunParser.parse(CommandResult(argv: [], signal: 15, timedOut: true, durationMs: 15000), model: model)
        #expect(timedOut.reason == .timeout)
        let missing = InferRunParser.parse(CommandResult(argv: [], launchError: "openclaw: not found on PATH"), model: model)
        #expect(missing == ProbeResult(model: model, ok: false, reason: nil, detail: "openclaw: not found on PATH"))
        let old = result(1, "", "error: unknown command 'infer'\n")
        #expect(InferRunParser.isUnsupported(old))
        #expect(InferRunParser.parse(old, model: model).reason == nil)
    }

    @Test func statusInTextIsFoundOnlyInItsPlaces() {
        #expect(HTTPStatusInText.find("429 {\"type\":\"error\"}") == 429)
        #expect(HTTPStatusInText.find("Error: HTTP 401: nope") == 401)
        #expect(HTTPStatusInText.find(#"{"status":529,"x":1}"#) == 529)
        #expect(HTTPStatusInText.find("request id req_4291234 failed") == nil)
        #expect(HTTPStatusInText.find("all good") == nil)
    }
}
