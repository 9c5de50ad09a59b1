import Foundation
import Testing
@testable import SelfHealDaemon
import TestSupport

/// The built daemon against the OpenClaw test double: failures seen in the gateway's log turn
/// into cooldowns and into real commands.
@Suite(.serialized)
struct DaemonHealingTests {
    static let openclawJSON = """
        // OpenClaw's own config: JSON5, so comments and trailing commas are valid
        { gateway: { mode: "local", }, agents: { defaults: { model: "anthropic/claude-opus-4-6" } }, }
        """

    func start(scenario: [String: Any], extraConfig: String = "",
               openclawJSON: String = Self.openclawJSON) throws -> (DaemonProcess, FakeOpenClawScenario, ControlClient) {
        let daemon = try DaemonProcess(config: TestConfig.json5(extra: extraConfig),
                                       arguments: ["--openclaw-bin", DaemonProcess.fakeOpenClaw])
        try openclawJSON.write(toFile: daemon.directory + "/openclaw.json", atomically: true, encoding: .utf8)
        let fake = try FakeOpenClawScenario(daemonDirectory: daemon.directory)
        try fake.write(scenario)
        // The follower treats what a log already holds as history: create today's file first.
        FileManager.default.createFile(atPath: daemon.directory + "/logs/" + FakeOpenClawScenario.logFileName(), contents: nil)
        try daemon.start()
        let address = try daemon.waitForListening()
        return (daemon, fake, try daemon.client(address))
    }

    func status(_ client: ControlClient) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(try client.request("GET", "/status").body)) as? [String: Any] ?? [:]
    }

    func modelStatus(_ client: ControlClient, _ id: String) throws -> String? {
        let models = try status(client)["models"] as? [[String: Any]] ?? []
        return models.first { $0["id"] as? String == id }?["status"] as? String
    }

    @Test func rateLimitLineInTheLogCoolsTheModelAndRepinsTheSession() throws {
        let (daemon, fake, client) = try start(scenario: [
            "gateway": "up",
            "whatsapp": "connected",
            "sessions": ["agent:main:main": ["sessionId": "s1", "providerOverride": "anthropic",
                                             "modelOverride": "claude-opus-4-6", "modelOverrideSource": "user"]],
        ])
        defer { daemon.stop() }
        #expect(try DaemonProcess.eventually { (try status(client)["counters"] as? [String: Any])?["ticks"] as? Int ?? 0 >= 1 })
        #expect(try modelStatus(client, "anthropic/claude-opus-4-6") == "available")

        let log = FileHandle(forWritingAtPath: daemon.directory + "/logs/" + FakeOpenClawScenario.logFileName())!
        log.seekToEndOfFile()
        let line = FakeOpenClawScenario.fallbackFailureLine(provider: "anthropic", model: "claude-opus-4-6",
                                                            reason: "rate_limit", status: 429, runId: "run-e2e-1")
        log.write(Data((line + "\n").utf8))
        try log.close()

        #expect(try DaemonProcess.eventually(timeout: 5) { try modelStatus(client, "anthropic/claude-opus-4-6") == "cooldown" },
                "\(daemon.stderr)")
        #expect(try status(client)["activeModel"] as? String == "openai/gpt-5.2")
        let repinned = DaemonProcess.eventually(timeout: 10) {
            fake.calls().contains { call in
                call.starts(with: ["openclaw", "gateway", "call", "sessions.patch"])
                    && call.contains { $0.contains("agent:main:main") && $0.contains("openai/gpt-5.2") }
            }
        }
        #expect(repinned, "calls: \(fake.calls())")
        // The double records a call before it saves what the call changed.
        #expect(DaemonProcess.eventually(timeout: 5) {
            ((try? fake.read())?["sessions"] as? [String: [String: Any]])?["agent:main:main"]?["providerOverride"] as? String == "openai"
        })
        // The audit record follows the command's outcome, a moment after the fake saw the call.
        let audited = DaemonProcess.eventually(timeout: 5) {
            ((try? String(contentsOfFile: daemon.directory + "/state/self-heal-audit.jsonl", encoding: .utf8)) ?? "")
                .contains("repin")
        }
        #expect(audited)
        #expect(daemon.stop() == 0)
    }

    @Test func invalidOpenClawConfigBlocksEveryDisruptiveAction() throws {
        let (daemon, fake, client) = try start(scenario: [
            "gateway": "up",
            "whatsapp": "connected",
            "plugins": [["id": "broken", "name": "Broken", "enabled": true, "status": "error", "error": "Cannot find module 'x'"]],
        ], extraConfig: "autoFix: { disableFailingPlugins: true },", openclawJSON: "{ this is not json5")
        defer { daemon.stop() }
        #expect(try DaemonProcess.eventually(timeout: 8) { (try status(client)["faults"] as? [String: String])?["openclaw-config"] != nil })
        Thread.sleep(forTimeInterval: 2)
        #expect(!fake.calls().contains { $0.starts(with: ["openclaw", "plugins", "disable"]) }, "\(fake.calls())")

        try Self.openclawJSON.write(toFile: daemon.directory + "/openclaw.json", atomically: true, encoding: .utf8)
        #expect(DaemonProcess.eventually(timeout: 8) {
            fake.calls().contains { $0 == ["openclaw", "plugins", "disable", "broken"] }
        }, "\(fake.calls())")
        let backups = (try? FileManager.default.contentsOfDirectory(atPath: daemon.directory + "/backups")) ?? []
        let modes = try backups.map { try FileManager.default.attributesOfItem(atPath: daemon.directory + "/backups/" + $0)[.posixPermissions] as? Int }
        #expect(modes.allSatisfy { $0 == 0o600 })
    }

    @Test func dryRunRecordsTheExactCommandsAndRunsNone() throws {
        let (daemon, fake, client) = try start(scenario: [
            "gateway": "up",
            "whatsapp": "connected",
            "plugins": [["id": "broken", "name": "Broken", "enabled": true, "status": "error", "error": "boom"]],
        ], extraConfig: "dryRun: true, autoFix: { disableFailingPlugins: true },")
        defer { daemon.stop() }
        let planned = try DaemonProcess.eventually(timeout: 8) {
            let events = try client.request("GET", "/events?limit=50").text
            return events.contains("\"dryRun\":true") && events.contains("plugins") && events.contains("broken")
        }
        #expect(planned)
        #expect(!fake.calls().contains { $0.starts(with: ["openclaw", "plugins", "disable"]) })
        let scenario = try fake.read()
        let plugins = scenario["plugins"] as? [[String: Any]]
        #expect(plugins?.first?["enabled"] as? Bool == true)
    }
}
