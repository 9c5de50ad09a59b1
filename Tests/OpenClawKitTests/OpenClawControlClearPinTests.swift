import Foundation
import HealCore
import Testing
@testable import OpenClawKit

/// Issue 13, point 5 at the edge: a pin cleared with `model: null`, through the gateway or the
/// legacy file; and the double's config writes for `plugins disable` (point 7).
@Suite struct OpenClawControlClearPinTests {
    @Test func theClearIsPlannedWithAnExplicitNull() {
        var config = HealConfig()
        let control = OpenClawControl(runner: CommandRunner())
        #expect(control.plan(.clearSessionPin(key: "agent:main:wa", from: "openai/gpt-5.2"), config: config).argv ==
                [["openclaw", "gateway", "call", "sessions.patch", "--params", #"{"key":"agent:main:wa","model":null}"#, "--json"]])
        config.openclaw.sessionPatch = "file"
        config.sessionsFile = "/x/sessions.json"
        #expect(control.plan(.clearSessionPin(key: "k", from: "a/b"), config: config).filePatch ==
                #"/x/sessions.json: session "k": pin a/b removed (providerOverride, modelOverride, modelOverrideSource, runtime model and contextTokens cleared)"#)
    }

    @Test func theGatewayClearsThePin() async throws {
        let fake = try FakeOpenClaw(["sessions": ["agent:main:wa": ["sessionId": "s", "providerOverride": "openai",
                                                                    "modelOverride": "gpt-5.2", "modelOverrideSource": "user"]]])
        let outcome = await fake.control().execute(.clearSessionPin(key: "agent:main:wa", from: "openai/gpt-5.2"), config: fake.config())
        #expect(outcome.ok, "\(outcome.detail)")
        let entry = try #require((try fake.scenario()["sessions"] as? [String: [String: Any]])?["agent:main:wa"])
        #expect(entry["modelOverride"] == nil && entry["providerOverride"] == nil && entry["modelOverrideSource"] == nil)
        #expect(entry["sessionId"] as? String == "s")
    }

    @Test func theLegacyFileLosesTheOverrideAndKeepsTheRest() async throws {
        let fake = try FakeOpenClaw()
        let path = try fake.dir.write("sessions.json", #"{"k":{"sessionId":"s","providerOverride":"openai","modelOverride":"gpt-5.2","modelOverrideSource":"user","model":"gpt-5.2","inputTokens":5}}"#)
        var config = fake.config()
        config.openclaw.sessionPatch = "file"
        config.sessionsFile = path
        let outcome = await fake.control().execute(.clearSessionPin(key: "k", from: "openai/gpt-5.2"), config: config)
        #expect(outcome.ok, "\(outcome.detail)")
        let store = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: [String: Any]]
        #expect(store?["k"]?["modelOverride"] == nil && store?["k"]?["providerOverride"] == nil)
        #expect(store?["k"]?["inputTokens"] as? Int == 5)
        // Someone moved it meanwhile: left alone.
        _ = try fake.dir.write("sessions.json", #"{"k":{"sessionId":"s","providerOverride":"google","modelOverride":"gemini"}}"#)
        let refused = await fake.control().execute(.clearSessionPin(key: "k", from: "openai/gpt-5.2"), config: config)
        #expect(!refused.ok && refused.detail.contains("not openai/gpt-5.2 any more"))
    }

    @Test func pluginsDisableWritesTheIncludeThatBacksPlugins() async throws {
        let fake = try FakeOpenClaw()
        let top = try fake.dir.write("openclaw.json", "// JSON5\n{ gateway: { mode: 'local' }, plugins: { $include: './plugins.json' } }\n")
        let include = try fake.dir.write("plugins.json", #"{"entries": {"other": {"enabled": true}}}"#)
        try fake.write(["configFile": top, "plugins": [["id": "p", "enabled": true, "status": "error"]]])
        let outcome = await fake.control().execute(.disablePlugin(id: "p"), config: fake.config())
        #expect(outcome.ok, "\(outcome.detail)")
        let written = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: include))) as? [String: Any]
        let entries = written?["entries"] as? [String: [String: Any]]
        #expect(entries?["p"]?["enabled"] as? Bool == false && entries?["other"]?["enabled"] as? Bool == true)
        #expect(try String(contentsOfFile: top, encoding: .utf8).contains("// JSON5"), "the top file is untouched")
        #expect(OpenClawConfigCheck.inspect(path: top).files.files == [top, include])
    }
}
