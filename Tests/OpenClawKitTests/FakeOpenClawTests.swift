import Foundation
import HealCore
import Testing
@testable import OpenClawKit

/// The test double against docs/OPENCLAW.md §12, through the real runner and parsers, so the fake and the
/// parsers are known to agree.
@Suite struct FakeOpenClawTests {
    let runner = CommandRunner()

    func run(_ fake: FakeOpenClaw, _ args: String...) async -> CommandResult {
        await runner.run([FakeOpenClaw.scriptPath] + args, timeout: .seconds(20), environment: ProcessInfo.processInfo.environment.merging(fake.environment) { $1 })
    }

    @Test(arguments: ["current", "legacy"])
    func whatsappStatesParse(output: String) async throws {
        let expectations: [(String, (WhatsAppObservation) -> Bool)] = [
            ("connected", { $0.present && $0.connected == true && $0.linked == true }),
            ("disconnected", { $0.connected == false && $0.running == true && $0.lastDisconnectStatus == (output == "legacy" ? nil : 428) }),
            ("reconnecting", { $0.connected == false && $0.reconnectAttempts == 3 }),
            ("logged-out", { $0.linked == false && (output == "legacy" || $0.loggedOut) }),
            ("stopped", { $0.running == false }),
            ("not-configured", { !$0.present && $0.gatewayReachable }),
        ]
        for (state, check) in expectations {
            let fake = try FakeOpenClaw(["output": output, "whatsapp": state, "pluginLogLines": true])
            let wa = try ChannelsStatusParser.parse(await run(fake, "channels", "status", "--json"))
            #expect(check(wa), "\(output) \(state): \(wa)")
        }
    }

    @Test(arguments: ["current", "legacy"])
    func gatewayDownIsUnreachableBothWays(output: String) async throws {
        let fake = try FakeOpenClaw(["output": output, "gateway": "down"])
        let result = await run(fake, "channels", "status", "--json")
        #expect(result.exitCode == 0)
        #expect(output == "legacy" ? !result.stdout.hasPrefix("{") : result.stdout.hasPrefix("{"))
        let wa = try ChannelsStatusParser.parse(result)
        #expect(!wa.gatewayReachable)
        #expect(wa.connected == nil)

        let cron = await run(fake, "cron", "list", "--all", "--json")
        #expect(cron.exitCode == 1)
        #expect(cron.stderr.contains("gateway closed"))
        let status = try GatewayStatusParser.parse(await run(fake, "gateway", "status", "--json"))
        #expect(!status.rpcOK)
        let requireRpc = await run(fake, "gateway", "status", "--json", "--require-rpc")
        #expect(requireRpc.exitCode == 1)
    }

    @Test func cronShapesAndDisableMutation() async throws {
        let jobs: [[String: Any]] = [
            ["id": "j1", "name": "Brief", "enabled": true, "state": ["lastRunStatus": "error", "consecutiveErrors": 3]],
            ["id": "j2", "name": "Off", "enabled": false, "state": [:] as [String: Any]],
        ]
        for shape in ["paged", "old"] {
            let fake = try FakeOpenClaw(["cron": jobs, "cronShape": shape])
            let all = try CronListParser.parse(await run(fake, "cron", "list", "--all", "--json"))
            #expect(all.map(\.id) == ["j1", "j2"])
            #expect(all[0].lastRunStatus == "error")
            let visible = try CronListParser.parse(await run(fake, "cron", "list", "--json"))
            #expect(visible.map(\.id) == ["j1"])   // disabled jobs are hidden without --all
        }
        let fake = try FakeOpenClaw(["cron": jobs])
        let disabled = await run(fake, "cron", "edit", "j1", "--disable")
        #expect(disabled.succeeded)
        #expect(try CronListParser.parse(await run(fake, "cron", "list", "--json")).isEmpty)
        let unknown = await run(fake, "cron", "disable", "nope")
        #expect(unknown.exitCode == 1)
        #expect(unknown.stderr == "Error: unknown cron job id: nope\n")
    }

    @Test func modelProbeDoesNotExist() async throws {
        let fake = try FakeOpenClaw()
        let result = await run(fake, "model", "probe", "anthropic/claude-opus-4-6")
        #expect(result.exitCode == 1)
        #expect(result.stderr == "error: unknown command 'model'\n")
    }

    @Test func restartTexts() async throws {
        let invalid = try FakeOpenClaw(["configValid": false, "gateway": "down"])
        let refused = await run(invalid, "gateway", "restart")
        #expect(refused.exitCode == 1)
        #expect(refused.stderr.hasPrefix("Gateway aborted: config is invalid."))
        #expect(try invalid.scenario()["gateway"] as? String == "down")

        let notInstalled = try FakeOpenClaw(["serviceInstalled": false])
        let disabled = await run(notInstalled, "gateway", "restart")
        #expect(disabled.exitCode == 0)
        #expect(disabled.stdout.hasPrefix("Gateway service disabled."))

        let down = try FakeOpenClaw(["gateway": "down", "whatsapp": ["state": "disconnected"]])
        let restarted = await run(down, "gateway", "restart")
        #expect(restarted.stdout == "Restarted systemd service: openclaw-gateway.service\n")
        let after = try down.scenario()
        #expect(after["gateway"] as? String == "up")
        #expect(after["restarts"] as? Int == 1)
        #expect((after["whatsapp"] as? [String: Any])?["state"] as? String == "connected")
    }

    @Test func whatsappCanStayDownAfterRestart() async throws {
        let fake = try FakeOpenClaw(["whatsapp": ["state": "disconnected", "afterRestart": "same"]])
        _ = await run(fake, "gateway", "restart")
        let wa = try ChannelsStatusParser.parse(await run(fake, "channels", "status", "--json"))
        #expect(wa.connected == false)
    }

    @Test func faults() async throws {
        let fake = try FakeOpenClaw(["faults": [
            "plugins list": ["garbage": true],
            "cron list": ["hugeBytes": 300_000],
            "config validate": ["stdout": "weird\n", "exit": 7],
            "health": ["exit": 3, "times": 1],
        ]])
        let garbage = await run(fake, "plugins", "list", "--json")
        #expect(throws: OpenClawOutputError.self) { try PluginsListParser.parse(garbage) }
        let huge = await run(fake, "cron", "list", "--json")
        #expect(huge.stdout.utf8.count == 300_000)
        let forced = await run(fake, "config", "validate")
        #expect(forced.exitCode == 7)
        #expect(forced.stdout == "weird\n")
        let once = await run(fake, "health", "--json")
        #expect(once.exitCode == 3)
        let again = await run(fake, "health", "--json")
        #expect(again.exitCode == 0)
    }

    @Test func everyCallIsRecordedVerbatim() async throws {
        let fake = try FakeOpenClaw()
        let weird = "a b; $(echo x) `y` \"q\" 'r'\nline2 * ? | & > <"
        _ = await run(fake, "cron", "disable", weird)
        _ = await run(fake, "--as=gh", "issue", "create", "-R", "o/r", "--title", weird, "--body", weird)
        #expect(try fake.calls() == [
            FakeOpenClaw.Call(tool: "openclaw", argv: ["cron", "disable", weird]),
            FakeOpenClaw.Call(tool: "gh", argv: ["issue", "create", "-R", "o/r", "--title", weird, "--body", weird]),
        ])
    }
}
