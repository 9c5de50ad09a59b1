import Foundation
import Testing
@testable import SelfHealDaemon
import TestSupport

/// Issue 13 end to end: the built daemon against the test double, reading the gateway's own
/// evidence (counts, reasons, origins, failover decisions, reset times, pins, the whole config).
@Suite(.serialized)
struct DaemonEvidenceTests {
    static let opus = "anthropic/claude-opus-4-6"

    func start(scenario: [String: Any], extraConfig: String = "", openclawJSON: String = DaemonHealingTests.openclawJSON,
               files: [String: String] = [:], commandTimeoutSec: Int = 5) throws -> (DaemonProcess, FakeOpenClawScenario, ControlClient) {
        let daemon = try DaemonProcess(config: TestConfig.json5(commandTimeoutSec: commandTimeoutSec, extra: extraConfig),
                                       arguments: ["--openclaw-bin", DaemonProcess.fakeOpenClaw])
        try openclawJSON.write(toFile: daemon.directory + "/openclaw.json", atomically: true, encoding: .utf8)
        for (name, text) in files { try text.write(toFile: daemon.directory + "/" + name, atomically: true, encoding: .utf8) }
        let fake = try FakeOpenClawScenario(daemonDirectory: daemon.directory)
        var scenario = scenario
        scenario["configFile"] = daemon.directory + "/openclaw.json"
        try fake.write(scenario)
        FileManager.default.createFile(atPath: daemon.directory + "/logs/" + FakeOpenClawScenario.logFileName(), contents: nil)
        try daemon.start()
        return (daemon, fake, try daemon.client(try daemon.waitForListening()))
    }

    func status(_ client: ControlClient) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(try client.request("GET", "/status").body)) as? [String: Any] ?? [:]
    }

    func model(_ client: ControlClient, _ id: String) throws -> [String: Any]? {
        (try status(client)["models"] as? [[String: Any]] ?? []).first { $0["id"] as? String == id }
    }

    func ticks(_ client: ControlClient) throws -> Int {
        (try status(client)["counters"] as? [String: Any])?["ticks"] as? Int ?? 0
    }

    func audit(_ daemon: DaemonProcess) -> String {
        (try? String(contentsOfFile: daemon.directory + "/state/self-heal-audit.jsonl", encoding: .utf8)) ?? ""
    }

    func appendLog(_ daemon: DaemonProcess, _ line: String) throws {
        let log = FileHandle(forWritingAtPath: daemon.directory + "/logs/" + FakeOpenClawScenario.logFileName())!
        log.seekToEndOfFile()
        log.write(Data((line + "\n").utf8))
        try log.close()
    }

    // MARK: 1. cron

    @Test func cronCountsOpenClawsOwnErrorsAndLeavesModelFailuresToTheModelRules() throws {
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let (daemon, fake, client) = try start(scenario: [
            "gateway": "up", "whatsapp": "connected",
            "cron": [
                ["id": "j-broken", "name": "Broken job", "enabled": true,
                 "state": ["lastRunAtMs": now - 60_000, "lastRunStatus": "error", "consecutiveErrors": 4,
                           "lastError": "TypeError: Cannot read properties of undefined (reading 'items')"]],
                ["id": "j-model", "name": "Digest", "enabled": true,
                 "payload": ["kind": "agentTurn", "message": "Summarize", "model": Self.opus],
                 "state": ["lastRunAtMs": now - 2_000, "lastRunStatus": "error", "consecutiveErrors": 6,
                           "lastErrorReason": "rate_limit", "lastError": "provider said no"]],
            ],
        ], extraConfig: "autoFix: { cronFailThreshold: 3, disableFailingCrons: true },")
        defer { daemon.stop() }
        // Seen once, 4 errors: past the threshold of 3 at once (a daily job is not given 3 more days).
        #expect(DaemonProcess.eventually(timeout: 10) { fake.calls().contains { $0 == ["openclaw", "cron", "disable", "j-broken"] } },
                "\(fake.calls().suffix(10))")
        #expect(try DaemonProcess.eventually(timeout: 5) { try model(client, Self.opus)?["status"] as? String == "cooldown" })
        #expect(try model(client, Self.opus)?["reason"] as? String == "rate_limit")
        #expect(!fake.calls().contains { $0 == ["openclaw", "cron", "disable", "j-model"] }, "the job is fine; its model is not")
        #expect(DaemonProcess.eventually(timeout: 5) { audit(daemon).contains("\"rule\":\"cron-model-failure\"") })
    }

    // MARK: 2. plugins, and the include the CLI writes

    @Test func bundledPluginsAreAlertedQuarantinedOnesDisabledIntoTheirIncludeWithBackups() throws {
        let (daemon, fake, _) = try start(scenario: [
            "gateway": "up", "whatsapp": "connected",
            "plugins": [
                ["id": "whatsapp", "name": "WhatsApp", "enabled": true, "status": "error", "origin": "bundled",
                 "channelIds": ["whatsapp"], "error": "Cannot find module '@whiskeysockets/baileys'"],
                ["id": "lossless-claw", "name": "Lossless Claw", "enabled": true, "status": "configured-unavailable",
                 "origin": "global", "error": "quarantined at boot"],
                ["id": "odd", "name": "Odd", "enabled": true, "status": "warming"],
            ],
        ], extraConfig: "autoFix: { disableFailingPlugins: true },",
           openclawJSON: "// JSON5 top file\n{ gateway: { mode: 'local' }, plugins: { $include: './plugins.json' }, }\n",
           files: ["plugins.json": "{\"entries\": {}}\n"])
        defer { daemon.stop() }
        #expect(DaemonProcess.eventually(timeout: 10) { fake.calls().contains { $0 == ["openclaw", "plugins", "disable", "lossless-claw"] } },
                "\(fake.calls().suffix(10))")
        // The CLI wrote the include, not the top file.
        let include = try String(contentsOfFile: daemon.directory + "/plugins.json", encoding: .utf8)
        #expect(include.contains("lossless-claw") && include.contains("false"))
        // The backups taken before the disable cover both files.
        let backups = (try? FileManager.default.contentsOfDirectory(atPath: daemon.directory + "/backups")) ?? []
        #expect(backups.contains { $0.hasPrefix("openclaw.json.") }, "\(backups)")
        #expect(backups.contains { $0.hasPrefix("plugins.json.") && $0.contains("include-1") }, "\(backups)")
        #expect(DaemonProcess.eventually(timeout: 8) { audit(daemon).contains("the openclaw CLI on the healer's behalf") }, "\(audit(daemon).suffix(2000))")
        Thread.sleep(forTimeInterval: 1.5)
        #expect(!fake.calls().contains { $0 == ["openclaw", "plugins", "disable", "whatsapp"] })
        #expect(!fake.calls().contains { $0 == ["openclaw", "plugins", "disable", "odd"] })
        let log = audit(daemon)
        #expect(log.contains("\"rule\":\"plugin-protected\"") && log.contains("\"rule\":\"plugin-status-unknown\""))
    }

    // MARK: 3. models

    @Test func rotateProfileCoolsNothingAndAResetTimeSetsTheCooldown() throws {
        let (daemon, _, client) = try start(scenario: ["gateway": "up", "whatsapp": "connected"])
        defer { daemon.stop() }
        #expect(try DaemonProcess.eventually { try ticks(client) >= 1 })
        try appendLog(daemon, FakeOpenClawScenario.failoverDecisionLine(decision: "rotate_profile", provider: "anthropic",
                                                                         model: "claude-opus-4-6", reason: "rate_limit",
                                                                         profileId: "anthropic:default"))
        #expect(DaemonProcess.eventually(timeout: 5) { audit(daemon).contains("\"rule\":\"profile-rotated\"") })
        #expect(try model(client, Self.opus)?["status"] as? String == "available")

        // Within the ceiling (cooldownMinutes: 30): the reset decides, not the ladder's first minute.
        let reset = Date().addingTimeInterval(20 * 60).rounded()
        try appendLog(daemon, FakeOpenClawScenario.fallbackFailureLine(
            provider: "anthropic", model: "claude-opus-4-6", reason: "rate_limit", status: 429, runId: "run-reset",
            errorPreview: "Claude usage limit reached; resets at \(ISO8601DateFormatter().string(from: reset))"))
        #expect(try DaemonProcess.eventually(timeout: 5) { try model(client, Self.opus)?["status"] as? String == "cooldown" })
        let until = try #require(try model(client, Self.opus)?["cooldownUntil"] as? Int)
        #expect(abs(until - Int(reset.timeIntervalSince1970)) <= 2, "cooled until the reset, not for the ladder's minute")
    }

    @Test func aFailureNamingNoModelIsUnattributedAndATLSFailureIsItsOwnClass() throws {
        let (daemon, _, client) = try start(scenario: ["gateway": "up", "whatsapp": "connected"])
        defer { daemon.stop() }
        let posted = try client.request("POST", "/events", token: daemon.token,
                                        body: Array(#"{"success": false, "error": "429 Too Many Requests"}"#.utf8))
        #expect(posted.status == 202)
        #expect(DaemonProcess.eventually(timeout: 5) { audit(daemon).contains("\"rule\":\"failure-unattributed\"") })
        #expect(try model(client, Self.opus)?["status"] as? String == "available", "never blamed on modelOrder[0]")
        _ = try client.request("POST", "/events", token: daemon.token, body: Array(
            #"{"model": "openai/gpt-5.2", "error": "TypeError: fetch failed; cause: Error: certificate has expired (CERT_HAS_EXPIRED)"}"#.utf8))
        #expect(try model(client, "openai/gpt-5.2")?["reason"] as? String == "tls_certificate")
    }

    // MARK: 5. sessions

    @Test func onlyStrictPinsMoveAndAFailureEventNeverCreatesOne() throws {
        let (daemon, fake, client) = try start(scenario: [
            "gateway": "up", "whatsapp": "connected",
            "sessions": [
                "agent:main:main": ["sessionId": "s1", "providerOverride": "anthropic", "modelOverride": "claude-opus-4-6",
                                    "modelOverrideSource": "user"],
                "agent:main:auto": ["sessionId": "s2", "providerOverride": "anthropic", "modelOverride": "claude-opus-4-6",
                                    "modelOverrideSource": "auto"],
                "agent:main:none": ["sessionId": "s3"],
            ],
        ])
        defer { daemon.stop() }
        #expect(try DaemonProcess.eventually { try ticks(client) >= 1 })
        _ = try client.request("POST", "/events", token: daemon.token, body: Array(
            #"{"model": "anthropic/claude-opus-4-6", "sessionKey": "agent:main:none", "error": "429 rate_limit_error"}"#.utf8))
        #expect(DaemonProcess.eventually(timeout: 8) { fake.calls().contains { $0.contains { $0.contains("agent:main:main") } } })
        Thread.sleep(forTimeInterval: 1.5)
        let patched = fake.calls().filter { $0.starts(with: ["openclaw", "gateway", "call", "sessions.patch"]) }
        #expect(patched.count == 1, "\(patched)")
        let sessions = try fake.read()["sessions"] as? [String: [String: Any]]
        #expect(sessions?["agent:main:none"]?["modelOverride"] == nil, "no pin was created")
        #expect(sessions?["agent:main:auto"]?["modelOverrideSource"] as? String == "auto")
    }

    @Test func pinsAreRestoredExactlyAndAnUnpinnedSessionWithModelNullAcrossARestart() throws {
        let port = try FreePort.pick()
        let daemon = try HardeningRestartableDaemon(config: TestConfig.json5(extra: "probeEnabled: false,"), port: port)
        defer { daemon.stop() }
        try DaemonHealingTests.openclawJSON.write(toFile: daemon.directory + "/openclaw.json", atomically: true, encoding: .utf8)
        let fake = FakeOpenClawScenario(directory: daemon.scenarioDirectory)
        try fake.write(["gateway": "up", "whatsapp": "connected", "sessions": [
            "agent:main:main": ["sessionId": "s1", "providerOverride": "anthropic", "modelOverride": "claude-opus-4-6",
                                "modelOverrideSource": "user"],
            // Pinned by an earlier version of the healer from a failure event; it had no override before.
            "agent:main:wa": ["sessionId": "s2", "providerOverride": "openai", "modelOverride": "gpt-5.2",
                              "modelOverrideSource": "user"],
        ]])
        try daemon.start()
        let client = try ControlClient(url: "http://127.0.0.1:\(port)", timeout: 10)
        let token = try String(contentsOfFile: daemon.stateDirectory + "/self-heal.token", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try DaemonProcess.eventually { try ticks(client) >= 1 })
        _ = try client.request("POST", "/events", token: token, body: Array(
            #"{"model": "anthropic/claude-opus-4-6", "error": "429 rate_limit_error; retry after 8 seconds"}"#.utf8))
        #expect(DaemonProcess.eventually(timeout: 8) {
            ((try? fake.read()["sessions"] as? [String: [String: Any]])??["agent:main:main"]?["providerOverride"] as? String) == "openai"
        })
        daemon.stop()

        // The memory the earlier version left behind, as its state file holds it.
        let stateName = try #require(try FileManager.default.contentsOfDirectory(atPath: daemon.stateDirectory)
            .first { $0.hasSuffix("state.json") })
        let statePath = daemon.stateDirectory + "/" + stateName
        var state = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: statePath))) as! [String: Any]
        var pins = state["pins"] as? [String: Any] ?? [:]
        #expect(pins["agent:main:main"] != nil, "the repin's memory survived the stop")
        let at = Date().timeIntervalSince1970 - 60
        pins["agent:main:wa"] = ["original": "anthropic/claude-opus-4-6", "repinnedTo": "openai/gpt-5.2", "at": at,
                                 "lastAttemptAt": at, "originalHadOverride": false]
        state["pins"] = pins
        try JSONSerialization.data(withJSONObject: state).write(to: URL(fileURLWithPath: statePath))

        try daemon.start()
        #expect(DaemonProcess.eventually(timeout: 15) {
            let s = (try? fake.read()["sessions"] as? [String: [String: Any]]) ?? nil
            return s?["agent:main:main"]?["providerOverride"] as? String == "anthropic" && s?["agent:main:wa"]?["modelOverride"] == nil
        }, "\(fake.calls().suffix(6))")
        let sessions = try fake.read()["sessions"] as? [String: [String: Any]]
        #expect(sessions?["agent:main:main"]?["modelOverride"] as? String == "claude-opus-4-6")
        #expect(sessions?["agent:main:main"]?["modelOverrideSource"] as? String == "user")
        #expect(fake.calls().contains { $0.contains(#"{"key":"agent:main:wa","model":null}"#) })
    }

    // MARK: 6. the guard

    @Test func aBrokenIncludeRefusesWithItsPathUntilItIsFixed() throws {
        let (daemon, fake, client) = try start(scenario: [
            "gateway": "up", "whatsapp": "connected",
            "plugins": [["id": "broken", "name": "Broken", "enabled": true, "status": "error", "error": "boom"]],
        ], extraConfig: "autoFix: { disableFailingPlugins: true },",
           openclawJSON: "{ gateway: { mode: 'local' }, plugins: { $include: './plugins.json' } }\n")
        defer { daemon.stop() }
        let include = daemon.directory + "/plugins.json"
        #expect(try DaemonProcess.eventually(timeout: 8) {
            ((try status(client)["faults"] as? [String: String])?["openclaw-config"] ?? "").contains(include)
        })
        #expect(DaemonProcess.eventually(timeout: 5) { audit(daemon).contains("\"rule\":\"config-include-invalid\"") })
        #expect(audit(daemon).contains("refused") && audit(daemon).contains("$include \(include)"))
        #expect(!fake.calls().contains { $0.starts(with: ["openclaw", "plugins", "disable"]) })
        try "{\"entries\": {}}\n".write(toFile: include, atomically: true, encoding: .utf8)
        #expect(DaemonProcess.eventually(timeout: 8) { fake.calls().contains { $0 == ["openclaw", "plugins", "disable", "broken"] } })
    }

    @Test func configValidateIsAskedAndATimeoutRefuses() throws {
        let (daemon, fake, client) = try start(scenario: [
            "gateway": "up", "whatsapp": "connected",
            "plugins": [["id": "broken", "name": "Broken", "enabled": true, "status": "error", "error": "boom"]],
            "faults": ["config validate": ["hang": true]],
        ], extraConfig: "autoFix: { disableFailingPlugins: true },", commandTimeoutSec: 4)
        defer { daemon.stop() }
        #expect(try DaemonProcess.eventually(timeout: 20) {
            ((try status(client)["faults"] as? [String: String])?["openclaw-config"] ?? "").contains("config validate did not answer")
        })
        #expect(!fake.calls().contains { $0.starts(with: ["openclaw", "plugins", "disable"]) })
        // A CLI without the command leaves the guard's own check, which passes.
        var scenario = try fake.read()
        scenario["faults"] = [:]
        scenario["configValidate"] = "unsupported"
        try fake.write(scenario)
        #expect(DaemonProcess.eventually(timeout: 30) { fake.calls().contains { $0 == ["openclaw", "plugins", "disable", "broken"] } },
                "\(fake.calls().suffix(8)) \(audit(daemon).suffix(800)) \((try? status(client)["faults"]) ?? "")")
    }

    @Test func aChangeOfTheConfigNamesItsWriter() throws {
        let (daemon, _, client) = try start(scenario: ["gateway": "up", "whatsapp": "connected"])
        defer { daemon.stop() }
        #expect(try DaemonProcess.eventually { try ticks(client) >= 2 })
        // An editor: no OpenClaw snapshot holds either version.
        try "{ gateway: { mode: 'local' }, edited: true }".write(toFile: daemon.directory + "/openclaw.json", atomically: true, encoding: .utf8)
        #expect(DaemonProcess.eventually(timeout: 5) { audit(daemon).contains("writer: the user or another tool") }, "\(audit(daemon).suffix(1500))")
        // OpenClaw's last-known-good restore: the file goes back to the bytes of its .bak.
        let good = DaemonHealingTests.openclawJSON
        try good.write(toFile: daemon.directory + "/openclaw.json.bak", atomically: true, encoding: .utf8)
        try good.write(toFile: daemon.directory + "/openclaw.json", atomically: true, encoding: .utf8)
        #expect(DaemonProcess.eventually(timeout: 5) { audit(daemon).contains("writer: OpenClaw's last-known-good restore") },
                "\(audit(daemon).suffix(1500))")
    }
}
