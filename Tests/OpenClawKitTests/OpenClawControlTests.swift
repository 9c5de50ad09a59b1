import Foundation
import Glibc
import HealCore
import Testing
@testable import OpenClawKit

@Suite struct OpenClawControlTests {
    static let weird = "job; rm -rf / $(touch pwned) `id` \"dq\" 'sq' | & > < * ?\nsecond line"

    // MARK: plan

    @Test func plansAreTheExactArgv() throws {
        let fake = try FakeOpenClaw()
        var config = fake.config()
        config.openclaw.bin = "openclaw"
        config.openclaw.profile = "work"
        let control = OpenClawControl(runner: CommandRunner(), ghCommand: ["gh"], systemctlCommand: ["systemctl"])

        #expect(control.plan(.restartGateway(reason: "x"), config: config).argv ==
                [["openclaw", "gateway", "restart"], ["systemctl", "--user", "restart", "openclaw-gateway-work.service"]])
        #expect(control.plan(.disableCron(id: Self.weird, name: "n"), config: config) ==
                ActionPlan(argv: [["openclaw", "cron", "disable", Self.weird]]))
        #expect(control.plan(.disablePlugin(id: "p"), config: config).argv == [["openclaw", "plugins", "disable", "p"]])
        #expect(control.plan(.repinSession(key: "agent:main:main", from: "anthropic/claude-opus-4-6", to: "openai/gpt-5.2"), config: config).argv ==
                [["openclaw", "gateway", "call", "sessions.patch", "--params", #"{"key":"agent:main:main","model":"openai/gpt-5.2"}"#, "--json"]])
        #expect(control.plan(.probeModel(model: "openai/gpt-5.2"), config: config).argv == [
            ["openclaw", "infer", "model", "run", "--local", "--model", "openai/gpt-5.2", "--prompt", "Reply with exactly: pong", "--json"],
            ["openclaw", "models", "status", "--probe", "--probe-provider", "openai", "--json"],
        ])
        let issue = IssueRequest(repo: "o/r", title: "t", body: "b", labels: ["self-heal", "cron"])
        #expect(control.plan(.fileIssue(issue), config: config).argv ==
                [["gh", "issue", "create", "-R", "o/r", "--title", "t", "--body", "b", "--label", "self-heal", "--label", "cron"]])
        #expect(control.plan(.fileIssue(IssueRequest(repo: "", title: "t", body: "b", labels: [])), config: config).argv.isEmpty)

        config.openclaw.sessionPatch = "file"
        config.sessionsFile = "/x/sessions.json"
        let filePlan = control.plan(.repinSession(key: "k", from: "a/b", to: "c/d"), config: config)
        #expect(filePlan.argv.isEmpty)
        #expect(filePlan.filePatch == #"/x/sessions.json: session "k": pin a/b → c/d (providerOverride="c", modelOverride="d", modelOverrideSource="user"; runtime model and contextTokens cleared)"#)
    }

    @Test func unitNameHonoursOpenClawSystemdUnit() {
        var config = HealConfig()
        #expect(OpenClawCommands.gatewayUnit(config, environment: [:]) == "openclaw-gateway.service")
        config.openclaw.profile = "dev"
        #expect(OpenClawCommands.gatewayUnit(config, environment: [:]) == "openclaw-gateway-dev.service")
        #expect(OpenClawCommands.gatewayUnit(config, environment: ["OPENCLAW_SYSTEMD_UNIT": "my-gw"]) == "my-gw.service")
    }

    // MARK: cron and plugins

    @Test func disableCronReachesTheCLIVerbatim() async throws {
        let fake = try FakeOpenClaw(["cron": [["id": Self.weird, "name": "Weird", "enabled": true]]])
        let outcome = await fake.control().execute(.disableCron(id: Self.weird, name: "Weird"), config: fake.config())
        #expect(outcome.ok, "\(outcome.detail)")
        #expect(try fake.calls() == [FakeOpenClaw.Call(tool: "openclaw", argv: ["cron", "disable", Self.weird])])
        let jobs = try #require(try fake.scenario()["cron"] as? [[String: Any]])
        #expect(jobs.first?["enabled"] as? Bool == false)
        #expect(!FileManager.default.fileExists(atPath: "pwned"))   // no shell ever saw the id
    }

    @Test func disableUnknownCronIsAClearFailure() async throws {
        let fake = try FakeOpenClaw(["cron": [] as [Any]])
        let outcome = await fake.control().execute(.disableCron(id: "gone", name: "Gone"), config: fake.config())
        #expect(!outcome.ok)
        #expect(outcome.detail == "unknown cron job id: gone (removed since it was observed?)")
    }

    @Test func disablePlugin() async throws {
        let fake = try FakeOpenClaw(["plugins": [["id": "my-broken-plugin", "name": "B", "status": "error", "enabled": true]]])
        let outcome = await fake.control().execute(.disablePlugin(id: "my-broken-plugin"), config: fake.config())
        #expect(outcome.ok)
        #expect(outcome.detail == #"disabled plugin my-broken-plugin: Disabled plugin "my-broken-plugin". Restart the gateway to apply."#)
        let plugins = try #require(try fake.scenario()["plugins"] as? [[String: Any]])
        #expect(plugins.first?["status"] as? String == "disabled")
    }

    @Test func missingCLIIsAClearFailure() async throws {
        let fake = try FakeOpenClaw()
        var config = fake.config()
        config.openclaw.bin = "openclaw-not-installed-here"
        let outcome = await fake.control().execute(.disablePlugin(id: "p"), config: config)
        #expect(!outcome.ok)
        #expect(outcome.detail == "plugins disable p failed: openclaw-not-installed-here: not found on PATH")
    }

    // MARK: restart

    @Test func restartThroughTheCLI() async throws {
        let fake = try FakeOpenClaw(["gateway": "down"])
        let outcome = await fake.control().execute(.restartGateway(reason: "down"), config: fake.config())
        #expect(outcome.ok)
        #expect(outcome.detail == "restarted with `openclaw gateway restart`: Restarted systemd service: openclaw-gateway.service")
        #expect(try fake.calls().map(\.tool) == ["openclaw"])
        #expect(try fake.scenario()["gateway"] as? String == "up")
    }

    @Test func restartFallsBackToSystemctlWhenTheServiceIsNotLoaded() async throws {
        let fake = try FakeOpenClaw(["serviceInstalled": false, "gateway": "down", "profile": "work"])
        var config = fake.config()
        config.openclaw.profile = "work"
        let outcome = await fake.control().execute(.restartGateway(reason: "down"), config: config)
        #expect(outcome.ok, "\(outcome.detail)")
        #expect(try fake.calls() == [
            FakeOpenClaw.Call(tool: "openclaw", argv: ["gateway", "restart"]),
            FakeOpenClaw.Call(tool: "systemctl", argv: ["--user", "restart", "openclaw-gateway-work.service"]),
        ])
        #expect(try fake.scenario()["systemctlRestarts"] as? Int == 1)
    }

    /// Issue 12, point 5: the CLI acted (its own systemctl call failed), so running systemctl
    /// again would make one incident two restarts. (This test used to expect the fallback.)
    @Test func noFallbackWhenTheCLIActedAndFailed() async throws {
        let fake = try FakeOpenClaw(["faults": ["gateway restart": ["stderr": "Gateway restart failed: Error: systemctl restart failed: boom\n", "exit": 1]]])
        let outcome = await fake.control().execute(.restartGateway(reason: "x"), config: fake.config())
        #expect(!outcome.ok && !outcome.pending)
        #expect(outcome.detail.contains("exit 1: Gateway restart failed"))
        #expect(outcome.detail.contains("no systemctl fallback"))
        #expect(try fake.calls().map(\.tool) == ["openclaw"])
    }

    @Test func exitTwoStillStartingIsARestartUnderWayAndNothingElseRuns() async throws {
        let fake = try FakeOpenClaw(["gateway": "wedged", "restartMode": "still-starting"])
        let outcome = await fake.control().execute(.restartGateway(reason: "x"), config: fake.config())
        #expect(!outcome.ok && outcome.pending, "\(outcome.detail)")
        #expect(outcome.detail.hasPrefix("restart under way"))
        #expect(try fake.calls().map(\.tool) == ["openclaw"])
        #expect(try fake.scenario()["restarts"] as? Int == 1)
    }

    @Test func aRestartPastOurTimeoutIsOutcomeUnknownAndNeverFollowedBySystemctl() async throws {
        let fake = try FakeOpenClaw(["gateway": "wedged", "restartMode": "slow", "restartDelaySec": 30])
        var config = fake.config()
        config.gateway.restartTimeoutSec = 1
        let started = Date()
        let outcome = await fake.control().execute(.restartGateway(reason: "x"), config: config)
        #expect(Date().timeIntervalSince(started) < 10, "our own timeout, not the command's 30 s")
        #expect(!outcome.ok && outcome.pending, "\(outcome.detail)")
        #expect(outcome.detail.hasPrefix("outcome unknown"))
        #expect(try fake.calls().map(\.tool) == ["openclaw"])
    }

    @Test func channelRestartIsStopThenStartForTheAccount() async throws {
        let fake = try FakeOpenClaw(["whatsapp": ["state": "disconnected", "accountId": "work"]])
        let outcome = await fake.control().execute(.restartChannel(channel: "whatsapp", accountId: "work", stopFirst: true, reason: "x"),
                                                   config: fake.config())
        #expect(outcome.ok, "\(outcome.detail)")
        #expect(try fake.calls().map(\.argv) == [
            ["gateway", "call", "channels.stop", "--params", #"{"accountId":"work","channel":"whatsapp"}"#, "--json"],
            ["gateway", "call", "channels.start", "--params", #"{"accountId":"work","channel":"whatsapp"}"#, "--json"],
        ])
        #expect((try fake.scenario()["whatsapp"] as? [String: Any])?["state"] as? String == "connected")
    }

    @Test func channelRestartOnAGatewayWithoutTheRPCIsUnsupported() async throws {
        let fake = try FakeOpenClaw(["channelLifecycle": false, "whatsapp": "disconnected"])
        let outcome = await fake.control().execute(.restartChannel(channel: "whatsapp", accountId: "default", stopFirst: true, reason: "x"),
                                                   config: fake.config())
        #expect(!outcome.ok && outcome.unsupported, "\(outcome.detail)")
        #expect(try fake.calls().count == 1, "no start after an unsupported stop")
    }

    @Test func bothRestartsFailing() async throws {
        let fake = try FakeOpenClaw(["serviceInstalled": false, "systemctl": ["exit": 5]])
        let outcome = await fake.control().execute(.restartGateway(reason: "x"), config: fake.config())
        #expect(!outcome.ok)
        #expect(outcome.detail.contains("failed too (exit 5: Failed to restart"))
    }

    @Test func neverRestartsOnAnInvalidConfig() async throws {
        let fake = try FakeOpenClaw(["configValid": false, "gateway": "down"])
        let outcome = await fake.control().execute(.restartGateway(reason: "x"), config: fake.config())
        #expect(!outcome.ok)
        #expect(outcome.detail.hasPrefix("not restarted: the CLI refused because the config is invalid"))
        #expect(try fake.calls().map(\.tool) == ["openclaw"])
    }

    @Test func fallbackIsSkippedWhenOurOwnConfigCheckFails() async throws {
        // The CLI could not act (service not loaded), so the fallback would be next.
        let fake = try FakeOpenClaw(["faults": ["gateway restart": ["stdout": "Gateway service disabled.\n", "exit": 0]]])
        let config = fake.config()
        try fake.dir.write("openclaw.json", "{ gateway: { mode: 'local', }, oops")
        let outcome = await fake.control().execute(.restartGateway(reason: "x"), config: config)
        #expect(!outcome.ok)
        #expect(outcome.detail.contains("systemctl fallback skipped"))
        #expect(try fake.calls().map(\.tool) == ["openclaw"])
    }

    @Test func restartVerdictRule() {
        func result(_ exit: Int32, _ out: String, _ err: String = "") -> CommandResult {
            CommandResult(argv: [], exitCode: exit, stdout: out, stderr: err)
        }
        #expect(RestartVerdict.judge(result(0, "Restarted systemd service: openclaw-gateway.service\n")) ==
                .restarted("Restarted systemd service: openclaw-gateway.service"))
        #expect(RestartVerdict.judge(result(1, "", "Gateway aborted: config is invalid.\n- x\n")) ==
                .refusedInvalidConfig("Gateway aborted: config is invalid."))
        #expect(RestartVerdict.judge(result(0, "Gateway service disabled.\nStart with: …\n")) ==
                .cliCouldNotAct("the CLI reports the service as not loaded (Gateway service disabled.)"))
        #expect(RestartVerdict.judge(CommandResult(argv: [], launchError: "openclaw: not found on PATH")) ==
                .cliCouldNotAct("openclaw: not found on PATH"))
        #expect(RestartVerdict.judge(result(2, "", "Gateway restart: still-starting\n")) ==
                .underWay("Gateway restart: still-starting"))
        #expect(RestartVerdict.judge(result(2, "", "something else\n")) == .failed("exit 2: something else"))
        #expect(RestartVerdict.judge(CommandResult(argv: [], signal: 9, timedOut: true, durationMs: 360_000)) ==
                .outcomeUnknown("timed out after 360000 ms (process group killed)"))
        #expect(RestartVerdict.judge(result(1, "", "error: unknown command 'restart'\n")) ==
                .cliCouldNotAct("exit 1: error: unknown command 'restart'"))
    }

    // MARK: sessions

    @Test func repinThroughSessionsPatch() async throws {
        let key = "agent:main:whatsapp:direct:+1555 \"quoted\"\n$(x)"
        let fake = try FakeOpenClaw(["sessions": [key: ["sessionId": "s1", "providerOverride": "anthropic", "modelOverride": "claude-opus-4-6",
                                                        "model": "claude-opus-4-6", "contextTokens": 200000]]])
        let outcome = await fake.control().execute(.repinSession(key: key, from: "anthropic/claude-opus-4-6", to: "openai/gpt-5.2"),
                                                    config: fake.config())
        #expect(outcome.ok, "\(outcome.detail)")
        let call = try #require(try fake.calls().first)
        #expect(Array(call.argv.prefix(4)) == ["gateway", "call", "sessions.patch", "--params"])
        let params = try JSONSerialization.jsonObject(with: Data(call.argv[4].utf8)) as? [String: String]
        #expect(params == ["key": key, "model": "openai/gpt-5.2"])
        #expect(call.argv.last == "--json")
        let entry = try #require((try fake.scenario()["sessions"] as? [String: [String: Any]])?[key])
        #expect(entry["providerOverride"] as? String == "openai")
        #expect(entry["modelOverride"] as? String == "gpt-5.2")
        #expect(entry["modelOverrideSource"] as? String == "user")
        #expect(entry["model"] == nil)
    }

    @Test func repinThroughSessionsPatchWhileTheGatewayIsDown() async throws {
        let fake = try FakeOpenClaw(["gateway": "down", "sessions": ["k": ["providerOverride": "a", "modelOverride": "b"]]])
        let outcome = await fake.control().execute(.repinSession(key: "k", from: "a/b", to: "c/d"), config: fake.config())
        #expect(!outcome.ok)
        #expect(outcome.detail.contains("gateway closed"))
    }

    func fileConfig(_ fake: FakeOpenClaw) -> HealConfig {
        var config = fake.config()
        config.openclaw.sessionPatch = "file"
        config.sessionsFile = fake.dir.file("sessions.json")
        return config
    }

    @Test func repinLegacyFileAtomically() async throws {
        let fake = try FakeOpenClaw()
        try fake.dir.write("sessions.json", SheetSamples.sessionsStore, mode: 0o640)
        let before = try JSONSerialization.jsonObject(with: Data(SheetSamples.sessionsStore.utf8)) as! [String: [String: Any]]
        let key = "agent:main:whatsapp:direct:+15557654321"
        let outcome = await fake.control().execute(.repinSession(key: key, from: "anthropic/claude-opus-4-6", to: "openai/gpt-5.2"),
                                                    config: fileConfig(fake))
        #expect(outcome.ok, "\(outcome.detail)")
        #expect(try fake.calls().isEmpty)

        let after = try JSONSerialization.jsonObject(with: Data(try fake.dir.read("sessions.json").utf8)) as! [String: [String: Any]]
        let entry = try #require(after[key])
        #expect(entry["providerOverride"] as? String == "openai")
        #expect(entry["modelOverride"] as? String == "gpt-5.2")
        #expect(entry["modelOverrideSource"] as? String == "user")
        #expect(entry["model"] == nil)
        #expect(entry["contextTokens"] == nil)
        #expect(entry["sessionId"] as? String == "64bd724b-19f1-488c-ba60-270268fee672")
        #expect(entry["updatedAt"] as? Int == 1755849990000)
        #expect(entry["authProfileOverride"] as? String == "anthropic:default")
        // Other sessions untouched.
        for other in before.keys where other != key {
            #expect(NSDictionary(dictionary: after[other] ?? [:]).isEqual(to: before[other] ?? [:]))
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: fake.dir.file("sessions.json"))
        #expect((attributes[.posixPermissions] as? Int) == 0o640)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fake.dir.path).filter { $0.contains("tmp") || $0.hasSuffix(".lock") }
        #expect(leftovers.isEmpty)

        // Once more: already pinned, nothing written.
        let again = await fake.control().execute(.repinSession(key: key, from: "anthropic/claude-opus-4-6", to: "openai/gpt-5.2"),
                                                 config: fileConfig(fake))
        #expect(again.ok)
        #expect(again.detail.contains("nothing written"))
    }

    @Test func repinFileRefusesAChangedPinAndALock() async throws {
        let fake = try FakeOpenClaw()
        try fake.dir.write("sessions.json", SheetSamples.sessionsStore)
        let key = "agent:main:whatsapp:direct:+15557654321"
        let changed = await fake.control().execute(.repinSession(key: key, from: "google/gemini", to: "openai/gpt-5.2"), config: fileConfig(fake))
        #expect(!changed.ok)
        #expect(changed.detail.contains("is pinned to anthropic/claude-opus-4-6, not google/gemini any more"))
        #expect(try fake.dir.read("sessions.json") == SheetSamples.sessionsStore)

        let missing = await fake.control().execute(.repinSession(key: "nope", from: "a/b", to: "c/d"), config: fileConfig(fake))
        #expect(missing.detail.contains("no session 'nope'"))

        try fake.dir.write("sessions.json.lock", "123\n")
        let locked = await fake.control().execute(.repinSession(key: key, from: "anthropic/claude-opus-4-6", to: "openai/gpt-5.2"),
                                                  config: fileConfig(fake))
        #expect(!locked.ok)
        #expect(locked.detail.contains("is locked"))
        #expect(try fake.dir.read("sessions.json") == SheetSamples.sessionsStore)
        #expect(FileManager.default.fileExists(atPath: fake.dir.file("sessions.json.lock")))   // not ours to remove
    }

    @Test func repinFileEditsTheTargetOfASymlink() async throws {
        let fake = try FakeOpenClaw()
        let real = try fake.dir.write("real-sessions.json", SheetSamples.sessionsStore)
        try FileManager.default.createSymbolicLink(atPath: fake.dir.file("sessions.json"), withDestinationPath: real)
        let outcome = await fake.control().execute(.repinSession(key: "agent:main:legacy", from: "openai/gpt-5.2", to: "anthropic/claude-opus-4-6"),
                                                   config: fileConfig(fake))
        #expect(outcome.ok, "\(outcome.detail)")
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: fake.dir.file("sessions.json"))
        #expect(link == real)
        #expect(try fake.dir.read("real-sessions.json").contains("\"modelOverride\" : \"claude-opus-4-6\""))
    }

    /// A repin names its target as a `ModelID`, and a model without its provider is none: no repin
    /// can send one to the gateway.
    @Test func repinRejectsAModelWithoutProvider() {
        #expect(ModelID(Substring("gpt-5.2")) == nil)
        #expect(ModelID(Substring("/gpt-5.2")) == nil)
    }

    // MARK: probes

    @Test func probeThroughInfer() async throws {
        let fake = try FakeOpenClaw(["probes": ["anthropic/claude-opus-4-6": ["status": "rate_limit"], "openai/gpt-5.2": ["status": "ok"]]])
        let control = fake.control()
        let good = await control.execute(.probeModel(model: "openai/gpt-5.2"), config: fake.config())
        #expect(good.ok)
        #expect(good.probe?.ok == true)
        #expect(good.probe?.model == "openai/gpt-5.2")
        let bad = await control.execute(.probeModel(model: "anthropic/claude-opus-4-6"), config: fake.config())
        #expect(!bad.ok)
        #expect(bad.probe?.reason == .rateLimit)
        #expect(try fake.calls().allSatisfy { $0.argv.prefix(3) == ["infer", "model", "run"] })
    }

    @Test func probeFallsBackToModelsStatusOnACLIWithoutInfer() async throws {
        let fake = try FakeOpenClaw(["output": "legacy", "probes": ["openai/gpt-5.2": ["status": "ok"],
                                                                    "anthropic/claude-opus-4-6": ["status": "auth"]]])
        let outcome = await fake.control().execute(.probeModel(model: "anthropic/claude-opus-4-6"), config: fake.config())
        #expect(!outcome.ok)
        #expect(outcome.probe?.reason == .auth)
        #expect(try fake.calls().map { $0.argv.first ?? "" } == ["infer", "models"])
        let other = await fake.control().execute(.probeModel(model: "anthropic/claude-sonnet-4"), config: fake.config())
        #expect(other.probe?.detail.hasPrefix("provider-level probe via anthropic/claude-opus-4-6") == true)
    }

    // MARK: issues

    @Test func fileIssueArgvVerbatimRedactedAndCapped() async throws {
        let fake = try FakeOpenClaw()
        let body = "Cron job failed: \(Self.weird)\nkey sk-ant-api03-SECRETSECRETSECRET\n" + String(repeating: "é", count: 6000)
        let issue = IssueRequest(repo: "owner/repo", title: "Cron \(Self.weird)", body: body, labels: ["self-heal", "a b"])
        let outcome = await fake.control().execute(.fileIssue(issue), config: fake.config())
        #expect(outcome.ok)
        #expect(outcome.detail == "filed issue https://github.com/owner/repo/issues/1")
        let call = try #require(try fake.calls().first)
        #expect(call.tool == "gh")
        #expect(Array(call.argv.prefix(6)) == ["issue", "create", "-R", "owner/repo", "--title", "Cron \(Self.weird)"])
        let sentBody = call.argv[7]
        #expect(sentBody.hasPrefix("Cron job failed: \(Self.weird)\nkey sk-[REDACTED]\n"))
        #expect(!sentBody.contains("SECRETSECRET"))
        #expect(sentBody.utf8.count <= 8 * 1024)
        #expect(sentBody.hasSuffix("…(truncated by openclaw-self-heal)"))
        #expect(Array(call.argv.suffix(4)) == ["--label", "self-heal", "--label", "a b"])
    }

    @Test func fileIssueFailures() async throws {
        let fake = try FakeOpenClaw(["gh": ["exit": 4]])
        let failed = await fake.control().execute(.fileIssue(IssueRequest(repo: "o/r", title: "t", body: "b", labels: [])), config: fake.config())
        #expect(!failed.ok)
        #expect(failed.detail.contains("HTTP 401: Bad credentials"))
        let noRepo = await fake.control().execute(.fileIssue(IssueRequest(repo: "", title: "t", body: "b", labels: [])), config: fake.config())
        #expect(noRepo == ActionOutcome(ok: false, detail: "no issue filed: autoFix.issueRepo is empty"))
    }

    @Test func shortBodiesAreLeftAlone() {
        #expect(IssueText.body("plain text\nwith lines") == "plain text\nwith lines")
        let long = String(repeating: "x", count: 9000)
        #expect(IssueText.body(long).utf8.count == 8 * 1024)
    }
}
