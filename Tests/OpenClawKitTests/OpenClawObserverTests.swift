import Foundation
import HealCore
import Testing
@testable import OpenClawKit

@Suite struct OpenClawObserverTests {
    static var scenario: [String: Any] { [
        "whatsapp": "connected",
        "cron": [["id": "j1", "name": "Brief", "enabled": true, "state": ["lastRunStatus": "error", "consecutiveErrors": 2]],
                 ["id": "j2", "name": "Off", "enabled": false]],
        "plugins": [["id": "whatsapp", "name": "WhatsApp", "status": "loaded", "enabled": true],
                    ["id": "bad", "name": "Bad", "status": "error", "enabled": true, "error": "Cannot find module 'left-pad'"]],
        "sessions": ["agent:main:main": ["sessionId": "s", "providerOverride": "anthropic", "modelOverride": "claude-opus-4-6",
                                         "modelOverrideSource": "user"],
                     "agent:main:other": ["sessionId": "t"]],
    ] }

    func observer(_ fake: FakeOpenClaw, runner: CommandRunner = CommandRunner()) -> OpenClawObserver {
        OpenClawObserver(runner: runner, httpProbe: GatewayHTTPProbe(connectTimeout: .milliseconds(500), readTimeout: .milliseconds(500)),
                         extraEnvironment: fake.environment)
    }

    @Test func healthyTick() async throws {
        let fake = try FakeOpenClaw(Self.scenario)
        let server = try FakeHealthServer()
        defer { server.stop() }
        let config = fake.config(gatewayUrl: server.baseURL)
        try fake.dir.write("openclaw.json", "// JSON5: comments, unquoted keys, trailing commas\n{ gateway: { mode: 'local', port: 18789, }, }\n")

        let observation = await observer(fake).observe(config: config)
        #expect(observation.gateway.reachable == true)
        #expect(observation.gateway.live == true)
        #expect(observation.gateway.ready == true)
        #expect(observation.whatsapp.value?.connected == true)
        #expect(observation.cronJobs.value?.map(\.id) == ["j1", "j2"])
        #expect(observation.plugins.value?.first { $0.id == "bad" }?.status == "error")
        #expect(observation.sessions.value == [SessionPin(key: "agent:main:main", providerOverride: "anthropic",
                                                          modelOverride: "claude-opus-4-6", modelOverrideSource: "user")])
        #expect(observation.openclawConfig == .valid)
        #expect(observation.gatherDurationMs > 0)
        // `gateway status` runs every tick now (issue 12: rpc.ok, the unit's state and the pid come
        // from it); `health --json` only while something needs healing; sessions came from the RPC
        // (no legacy file); the guard asks OpenClaw's own `config validate` too (issue 13).
        let commands = Set(try fake.calls().map { $0.argv.prefix(3).joined(separator: " ") })
        #expect(commands == ["channels status --json", "cron list --all", "plugins list --json", "gateway call sessions.list",
                             "gateway status --json", "config validate"])
        #expect(observation.gateway.rpcOk == true && observation.gateway.pid == 4242 && observation.gateway.startedAt != nil)
        #expect(observation.gateway.probeFault == nil && !observation.gateway.safeMode && !observation.gateway.suspended)
    }

    @Test(arguments: ["current", "legacy"])
    func gatewayDownTick(output: String) async throws {
        let fake = try FakeOpenClaw(["gateway": "down", "output": output])
        let config = fake.config(gatewayUrl: "http://127.0.0.1:\(FakeHealthServer.closedPort())")
        let observation = await observer(fake).observe(config: config)
        #expect(observation.gateway.reachable == false)
        #expect(observation.gateway.live == false)
        #expect(observation.gateway.detail.contains("connection refused"))
        #expect(observation.gateway.detail.contains("gateway status: rpc failed"))
        #expect(observation.whatsapp.value?.gatewayReachable == false)
        #expect(observation.whatsapp.value?.connected == nil)
        #expect(observation.cronJobs.fault?.hasPrefix("cron list --all --json: exit 1: Error: gateway closed") == true)
        #expect(observation.plugins.value != nil)          // plugins list works without the gateway
        #expect(observation.sessions.fault?.contains("gateway closed") == true)
        #expect(observation.openclawConfig == .missing)
    }

    @Test func refusedHTTPButRpcOKMeansTheURLIsWrongNotTheGatewayDown() async throws {
        let fake = try FakeOpenClaw()
        let config = fake.config(gatewayUrl: "http://127.0.0.1:\(FakeHealthServer.closedPort())")
        let gateway = await observer(fake).observeGateway(config)
        #expect(gateway.reachable == true)
        #expect(gateway.detail.contains("is openclaw.gatewayUrl right?"))
    }

    @Test func controlUICatchAllFallsBackToGatewayStatus() async throws {
        let fake = try FakeOpenClaw(["gateway": "down"])
        let server = try FakeHealthServer(routes: [:])
        defer { server.stop() }
        let gateway = await observer(fake).observeGateway(fake.config(gatewayUrl: server.baseURL))
        #expect(gateway.reachable == false)
        #expect(gateway.live == nil)
        #expect(gateway.detail.contains("not the gateway's JSON"))
    }

    @Test func oneHungCommandDelaysNothingElse() async throws {
        var scenario = Self.scenario
        scenario["faults"] = ["cron list": ["hang": true, "withChild": true]]
        let fake = try FakeOpenClaw(scenario)
        let server = try FakeHealthServer()
        defer { server.stop() }
        // A timeout long enough for the healthy commands on a loaded two-core machine.
        let config = fake.config(timeoutSec: 6, gatewayUrl: server.baseURL)
        let runner = CommandRunner(killGrace: .milliseconds(300))

        let started = Date()
        let observation = await observer(fake, runner: runner).observe(config: config)
        let elapsed = Date().timeIntervalSince(started)
        // Bounded by the hung command's timeout (6 s) + grace, not by the sum of everything.
        #expect(elapsed < 6 + 0.3 + 3, "took \(elapsed) s")
        #expect(elapsed >= 6)
        #expect(observation.cronJobs.fault?.hasPrefix("cron list --all --json: timed out after") == true)
        #expect(observation.whatsapp.value?.connected == true, "\(observation.whatsapp)")
        #expect(observation.plugins.value?.count == 2, "\(observation.plugins)")
        #expect(observation.sessions.value?.count == 1)
        #expect(observation.gateway.live == true)
    }

    @Test func hungCommandsEachCostOnlyTheirOwnTimeout() async throws {
        // Everything hangs: the tick still ends after about one timeout, not four.
        var scenario = Self.scenario
        scenario["faults"] = ["*": ["hang": true]]
        let fake = try FakeOpenClaw(scenario)
        let config = fake.config(timeoutSec: 1, gatewayUrl: "http://127.0.0.1:\(FakeHealthServer.closedPort())")
        let started = Date()
        let observation = await observer(fake, runner: CommandRunner(maxConcurrent: 8, killGrace: .milliseconds(200))).observe(config: config)
        // Five commands hang (channels, cron, plugins, gateway status, sessions): run one after
        // another they would take at least 5 s; concurrently about one timeout plus the grace.
        #expect(Date().timeIntervalSince(started) < 4.5)
        #expect(observation.whatsapp.fault != nil)
        #expect(observation.cronJobs.fault != nil)
        #expect(observation.plugins.fault != nil)
        #expect(observation.gateway.reachable == false)
    }

    @Test func garbageAndHugeOutputBecomeFaults() async throws {
        var scenario = Self.scenario
        scenario["faults"] = ["channels status": ["garbage": true], "plugins list": ["hugeBytes": 5_000_000]]
        let fake = try FakeOpenClaw(scenario)
        let observation = await observer(fake, runner: CommandRunner(outputCap: 1 << 20)).observe(config: fake.config())
        #expect(observation.whatsapp.fault?.hasPrefix("channels status --json: expected a JSON object, got text 'Usage: openclaw") == true)
        #expect(observation.plugins.fault == "plugins list --json: output truncated at 1048576 bytes, cannot parse it")
        #expect(observation.cronJobs.value?.count == 2)
    }

    @Test func missingCLI() async throws {
        let fake = try FakeOpenClaw()
        var config = fake.config(gatewayUrl: "http://127.0.0.1:\(FakeHealthServer.closedPort())")
        config.openclaw.bin = "openclaw-not-installed-here"
        let observation = await observer(fake).observe(config: config)
        #expect(observation.whatsapp == .unavailable("channels status --json: openclaw-not-installed-here: not found on PATH"))
        #expect(observation.cronJobs.fault == "cron list --all --json: openclaw-not-installed-here: not found on PATH")
        #expect(observation.gateway.reachable == false)   // HTTP refused; the CLI could not say otherwise
        #expect(observation.gateway.detail.contains("not found on PATH"))
    }

    @Test func legacySessionsFileIsReadWhenConfiguredOrPresent() async throws {
        let fake = try FakeOpenClaw()
        var config = fake.config()
        config.sessionsFile = fake.dir.file("sessions.json")
        config.openclaw.sessionPatch = "file"
        #expect(await observer(fake).observeSessions(config).fault?.contains("does not exist") == true)
        try fake.dir.write("sessions.json", SheetSamples.sessionsStore)
        config.openclaw.sessionPatch = "rpc"
        #expect(await observer(fake).observeSessions(config).value?.count == 2)
        try fake.dir.write("sessions.json", "[]")
        #expect(await observer(fake).observeSessions(config).fault?.contains("expected an object keyed by session key") == true)
        #expect(try fake.calls().isEmpty)
    }
}
