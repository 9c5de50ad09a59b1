import Foundation
import Testing
@testable import SelfHealDaemon
import TestSupport

/// Issue 12 end to end: the built daemon against the OpenClaw test double, one rule per test.
/// Waits are generous (the test double is a Python process per command); none is a speed check.
@Suite(.serialized)
struct DaemonJudgementTests {
    static let openclawJSON = "{ gateway: { mode: 'local' } }\n"
    /// Fast ticks; WhatsApp acted on at the first down tick; a gateway restart after 2 down ticks.
    static let fast = """
        autoFix: { whatsappDisconnectThreshold: 1, whatsappMinRestartIntervalSec: 60 },
        gateway: { downTicks: 2, downWindowSec: 0, channelRestartVerifySec: 10, verifyWindowSec: 30 },
        """

    struct Run {
        let daemon: DaemonProcess
        let fake: FakeOpenClawScenario
        let client: ControlClient

        func status() throws -> [String: Any] {
            try JSONSerialization.jsonObject(with: Data(try client.request("GET", "/status").body)) as? [String: Any] ?? [:]
        }
        func disruptive() throws -> [String: Any] { try status()["disruptive"] as? [String: Any] ?? [:] }
        func audit() -> [[String: Any]] {
            let text = (try? String(contentsOfFile: daemon.directory + "/state/self-heal-audit.jsonl", encoding: .utf8)) ?? ""
            return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        }
        /// The decisions of `rule` (not the incident records that carry an alert to a human).
        func audited(_ rule: String) -> [[String: Any]] {
            audit().filter { $0["rule"] as? String == rule && !(($0["outcome"] as? String) ?? "").hasPrefix("incident-") }
        }
        func incidentRecords(_ rule: String) -> [[String: Any]] {
            audit().filter { $0["rule"] as? String == rule && (($0["outcome"] as? String) ?? "").hasPrefix("incident-") }
        }
        func calls(_ prefix: [String]) -> [[String]] { fake.calls().filter { $0.starts(with: prefix) } }
        func ticks() throws -> Int { (try status()["counters"] as? [String: Any])?["ticks"] as? Int ?? 0 }
        func waitTicks(_ n: Int, timeout: TimeInterval = 60) throws -> Bool {
            let target = try ticks() + n
            return try DaemonProcess.eventually(timeout: timeout) { try ticks() >= target }
        }
    }

    func start(_ scenario: [String: Any]?, extra: String = Self.fast, openclaw: String = "", reusing: String? = nil) throws -> Run {
        let daemon = try DaemonProcess(config: TestConfig.json5(extra: extra, openclawExtra: openclaw),
                                       arguments: ["--openclaw-bin", DaemonProcess.fakeOpenClaw], reusing: reusing)
        try Self.openclawJSON.write(toFile: daemon.directory + "/openclaw.json", atomically: true, encoding: .utf8)
        let fake = try FakeOpenClawScenario(daemonDirectory: daemon.directory)
        if var scenario {
            scenario["logDir"] = daemon.directory + "/logs"
            try fake.write(scenario)
        }
        try daemon.start()
        return Run(daemon: daemon, fake: fake, client: try daemon.client(try daemon.waitForListening()))
    }

    /// Rewrites keys of the scenario (under the fake's lock-free atomic replace).
    func update(_ run: Run, _ change: (inout [String: Any]) -> Void) throws {
        var s = try run.fake.read()
        change(&s)
        try run.fake.write(s)
    }

    /// Point 1 and 6: RPC answers while /healthz is refused (a wrong gatewayUrl): never a restart.
    /// Then the gateway wedges (unit active, RPC timing out): one restart, verified by the new pid.
    @Test func aWedgedGatewayIsRestartedOnceAndVerifiedButARefusedProbeAloneIsNot() throws {
        let run = try start(["gateway": "up", "service": ["state": "active"], "pid": 500])
        defer { run.daemon.stop() }
        #expect(try run.waitTicks(4))
        #expect(run.calls(["openclaw", "gateway", "restart"]).isEmpty, "\(run.fake.calls().suffix(5))")
        #expect(try (run.status()["gateway"] as? [String: Any])?["probeFault"] as? String != nil)
        #expect(run.audited("gateway-probe-fault").count == 1)
        try update(run) { $0["gateway"] = "wedged" }
        #expect(DaemonProcess.eventually(timeout: 45) { !run.calls(["openclaw", "gateway", "restart"]).isEmpty })
        #expect(try DaemonProcess.eventually(timeout: 45) { try (run.disruptive()["verified"] as? [String: Int])?["gateway-restart"] == 1 },
                "\(run.audit().suffix(6))")
        #expect(try run.waitTicks(3))
        #expect(run.calls(["openclaw", "gateway", "restart"]).count == 1)
        #expect(run.calls(["systemctl"]).isEmpty)
        let verified = run.audited("action-verified")
        #expect(verified.first?["trigger"] as? String == "gateway-restart of gateway verified: new pid 501, ready")
        let metrics = try run.client.request("GET", "/metrics").text
        #expect(metrics.contains(#"openclaw_self_heal_action_verifications_total{kind="gateway-restart",result="verified"} 1"#))
    }

    /// Point 1: a unit its owner stopped is never started; one alert says so.
    @Test func aGatewayStoppedByItsOwnerIsNeverStarted() throws {
        let run = try start(["gateway": "up", "service": ["state": "active"]])
        defer { run.daemon.stop() }
        #expect(try run.waitTicks(2))
        try update(run) { $0["gateway"] = "down"; $0["service"] = ["state": "inactive"] }
        #expect(try run.waitTicks(6))
        #expect(run.calls(["openclaw", "gateway", "restart"]).isEmpty && run.calls(["systemctl"]).isEmpty)
        // One decision says it, and one incident carries it to a human (its own audit record).
        let alerts = run.audited("gateway-stopped-by-owner")
        #expect(alerts.count == 1, "\(run.audit().suffix(5))")
        #expect(run.incidentRecords("gateway-stopped-by-owner").map { $0["outcome"] as? String } == ["incident-opened"])
        #expect(try (run.status()["gateway"] as? [String: Any])?["serviceState"] as? String == "inactive")
    }

    /// Point 1: a suspend lease leaves the gateway alone.
    @Test func aSuspendedGatewayIsLeftAlone() throws {
        let run = try start(["gateway": "up", "service": ["state": "active"]])
        defer { run.daemon.stop() }
        #expect(try run.waitTicks(2))
        try update(run) { $0["gateway"] = "wedged"; $0["suspended"] = true }
        #expect(try run.waitTicks(6))
        #expect(run.calls(["openclaw", "gateway", "restart"]).isEmpty)
        #expect(run.audited("gateway-suspended").count == 1)
    }

    /// Points 2, 3 and 6, and across a restart of the healer: an hour-old outage (the gateway's own
    /// `lastDisconnect.at`) gets channels.stop + channels.start at once, never a gateway restart;
    /// the link comes back and the step is verified. Stopped and started again on the same state
    /// directory, the healer remembers the verdict and does nothing more.
    @Test func anHourOldOutageGetsAChannelRestartFirstVerifiedAcrossARestartOfTheHealer() throws {
        let hourAgo = Int(Date().timeIntervalSince1970 * 1000) - 3_600_000
        // OpenClaw's channel monitor gets its default 600 s: long over for this outage.
        let extra = Self.fast.replacingOccurrences(of: "whatsappDisconnectThreshold: 1", with: "whatsappDisconnectThreshold: 2")
        let run = try start(["gateway": "up", "whatsapp": ["state": "disconnected", "disconnectedAtMs": hourAgo]], extra: extra)
        #expect(DaemonProcess.eventually(timeout: 45) { run.calls(["openclaw", "gateway", "call", "channels.start"]).count == 1 },
                "\(run.daemon.stderr.suffix(2000))")
        #expect(run.calls(["openclaw", "gateway", "call", "channels.stop"]).count == 1)
        #expect(try DaemonProcess.eventually(timeout: 45) { try (run.disruptive()["verified"] as? [String: Int])?["channel-restart"] == 1 })
        #expect(run.calls(["openclaw", "gateway", "restart"]).isEmpty)
        #expect(try (run.status()["counters"] as? [String: Any])?["channelRestarts"] as? Int == 1)
        let directory = run.daemon.directory
        #expect(run.daemon.stop() == 0)

        let again = try start(nil, extra: extra, reusing: directory)
        defer { again.daemon.stop() }
        #expect(try again.waitTicks(3))
        #expect(try (again.disruptive()["verified"] as? [String: Int])?["channel-restart"] == 1, "the verdict survived the restart")
        #expect(again.calls(["openclaw", "gateway", "call", "channels.stop"]).count == 1, "no second channel restart")
        #expect(again.calls(["openclaw", "gateway", "restart"]).isEmpty)
        let metrics = try again.client.request("GET", "/metrics").text
        #expect(metrics.contains(#"openclaw_self_heal_action_verifications_total{kind="channel-restart",result="verified"} 1"#))
    }

    /// Point 3: a gateway without channels.start/stop answers INVALID_REQUEST: the gateway restart
    /// follows at once (the unsupported step spent no budget), and is verified.
    @Test func withoutChannelRPCsTheGatewayRestartFollows() throws {
        let run = try start(["gateway": "up", "channelLifecycle": false, "whatsapp": ["state": "disconnected", "afterRestart": "connected"]],
                            openclaw: "channelRestartGraceSec: 0,")
        defer { run.daemon.stop() }
        #expect(DaemonProcess.eventually(timeout: 45) { run.calls(["openclaw", "gateway", "restart"]).count == 1 },
                "\(run.fake.calls().suffix(8))")
        #expect(run.calls(["openclaw", "gateway", "call", "channels.stop"]).count == 1)
        #expect(run.calls(["openclaw", "gateway", "call", "channels.start"]).isEmpty)
        #expect(try DaemonProcess.eventually(timeout: 45) { try (run.disruptive()["verified"] as? [String: Int])?["gateway-restart"] == 1 },
                "\(run.audit().suffix(6))")
        #expect(run.audit().contains { ($0["trigger"] as? String)?.hasPrefix("channel restart not possible") == true })
    }

    /// Point 5: exit 2 "still-starting" is a restart under way: no systemctl, no second restart;
    /// the next observations verify it.
    @Test func exitTwoStillStartingIsNeverFollowedByASecondRestart() throws {
        let run = try start(["gateway": "up", "service": ["state": "active"], "restartMode": "still-starting"])
        defer { run.daemon.stop() }
        #expect(try run.waitTicks(2))
        try update(run) { $0["gateway"] = "wedged" }
        #expect(try DaemonProcess.eventually(timeout: 45) { try (run.disruptive()["verified"] as? [String: Int])?["gateway-restart"] == 1 },
                "\(run.audit().suffix(6))")
        #expect(try run.waitTicks(3))
        #expect(run.calls(["openclaw", "gateway", "restart"]).count == 1)
        #expect(run.calls(["systemctl"]).isEmpty)
        #expect(run.audit().contains { $0["rule"] as? String == "gateway-restart" && $0["outcome"] as? String == "under-way" })
    }

    /// Point 5, and across a restart of the healer: a restart that takes 20 s runs in the
    /// background (ticks and /status go on); the healer is stopped meanwhile and started again on
    /// the same state: the action is recorded as interrupted, its verification survives, and the
    /// new boot verifies it. One restart in all.
    @Test func aSlowRestartStallsNothingAndIsVerifiedAfterTheHealerRestarts() throws {
        let run = try start(["gateway": "up", "service": ["state": "active"], "restartMode": "slow", "restartDelaySec": 20])
        #expect(try run.waitTicks(2))
        try update(run) { $0["gateway"] = "wedged" }
        #expect(DaemonProcess.eventually(timeout: 45) { run.calls(["openclaw", "gateway", "restart"]).count == 1 })
        // The CLI is still in its startup wait: ticks and answers go on.
        let before = try run.ticks()
        #expect(try run.waitTicks(2, timeout: 15), "ticks continue while the restart runs")
        #expect(try run.ticks() >= before + 2)
        #expect(try (run.disruptive()["pending"] as? [[String: Any]])?.first?["kind"] as? String == "gateway-restart")
        let directory = run.daemon.directory
        #expect(run.daemon.stop() == 0)

        let again = try start(nil, reusing: directory)
        defer { again.daemon.stop() }
        #expect(again.audit().contains { $0["outcome"] as? String == "interrupted" && ($0["action"] as? [String: Any])?["kind"] as? String == "restart_gateway" })
        #expect(try DaemonProcess.eventually(timeout: 45) { try (again.disruptive()["verified"] as? [String: Int])?["gateway-restart"] == 1 },
                "\(again.audit().suffix(6)) \((try? again.fake.read()) ?? [:])")
        #expect(try again.waitTicks(2))
        #expect(again.calls(["openclaw", "gateway", "restart"]).count == 1)
    }

    /// Point 4: two recent boots (start times the CLI reports) and a wedged gateway: the restart
    /// that would be the third boot is refused, once in the audit log, never run.
    @Test func theRestartThatWouldTripTheBreakerIsRefused() throws {
        let now = Int(Date().timeIntervalSince1970 * 1000)
        let run = try start(["gateway": "up", "service": ["state": "active"], "pid": 10, "startedAtMs": now - 400_000])
        defer { run.daemon.stop() }
        #expect(try run.waitTicks(2))
        try update(run) { $0["pid"] = 11; $0["startedAtMs"] = now - 100_000 }
        #expect(try run.waitTicks(2))
        try update(run) { $0["pid"] = 12; $0["startedAtMs"] = now - 10_000 }
        #expect(try run.waitTicks(2))
        try update(run) { $0["gateway"] = "wedged" }
        #expect(try run.waitTicks(6))
        #expect(run.calls(["openclaw", "gateway", "restart"]).isEmpty)
        let refused = run.audit().filter { ($0["detail"] as? String)?.hasPrefix("crash-loop breaker") == true }
        #expect(refused.count == 1, "once per condition, not every tick: \(run.audit().suffix(5))")
        #expect(try run.disruptive()["recentBoots"] as? Int == 2)
    }

    /// Point 4: in safe mode (three unclean boots; the log's "autostart suppressed" line, `health`
    /// safeMode) the stopped account gets channels.start, and the gateway is never restarted.
    @Test func inSafeModeTheStoppedAccountIsStartedAndTheGatewayLeftAlone() throws {
        let now = Int(Date().timeIntervalSince1970 * 1000)
        let run = try start(["gateway": "down", "bootsMs": [now - 60_000, now - 30_000],
                             "whatsapp": ["state": "disconnected", "afterRestart": "connected"]],
                            extra: Self.fast.replacingOccurrences(of: "downTicks: 2", with: "downTicks: 1") + " restartBudget: { maxRestarts: 5 },")
        defer { run.daemon.stop() }
        // An outside restart (systemd) makes the third boot: safe mode, the account stopped.
        #expect(try run.waitTicks(2))
        try Self.runFake(["gateway", "restart"], scenarioDirectory: run.fake.directory)
        #expect(try DaemonProcess.eventually(timeout: 45) { try (run.status()["gateway"] as? [String: Any])?["safeMode"] as? Bool == true })
        #expect(DaemonProcess.eventually(timeout: 45) { run.calls(["openclaw", "gateway", "call", "channels.start"]).count == 1 },
                "\(run.audit().suffix(6))")
        #expect(try run.waitTicks(4))
        #expect(run.calls(["openclaw", "gateway", "restart"]).count == 1, "only the outside restart")
        #expect(run.calls(["openclaw", "gateway", "call", "channels.stop"]).isEmpty)
        #expect(run.audited("channel-start").contains { $0["outcome"] as? String == "executed" })
    }

    /// Point 7: a link that drops again and again is flapping: one alert, no restart.
    @Test func aFlappingLinkGetsOneAlertAndNoRestart() throws {
        let run = try start(["gateway": "up", "whatsapp": "connected"], extra: Self.fast + "flap: { count: 2, windowSec: 600, quietSec: 600 },",
                            openclaw: "channelRestartGraceSec: 60,")
        defer { run.daemon.stop() }
        for i in 0..<8 {
            #expect(try run.waitTicks(1))
            try update(run) { $0["whatsapp"] = ["state": i % 2 == 0 ? "disconnected" : "connected"] }
            #expect(try run.waitTicks(1))
        }
        #expect(try DaemonProcess.eventually(timeout: 45) { try run.disruptive()["whatsappFlapping"] as? Bool == true })
        #expect(run.audited("whatsapp-flapping").count == 1)
        #expect(run.incidentRecords("whatsapp-flapping").filter { $0["outcome"] as? String == "incident-opened" }.count == 1)
        #expect(run.calls(["openclaw", "gateway", "call"]).filter { $0.contains("channels.stop") }.isEmpty)
        #expect(run.calls(["openclaw", "gateway", "restart"]).isEmpty)
        #expect(try run.client.request("GET", "/metrics").text.contains(#"openclaw_self_heal_flapping{target="whatsapp"} 1"#))
    }

    /// Point 9: dry run plans the channel restart, spends only its own budget, runs nothing.
    @Test func dryRunNeverSpendsTheRealBudget() throws {
        let run = try start(["gateway": "up", "whatsapp": "disconnected"], extra: Self.fast + "dryRun: true,",
                            openclaw: "channelRestartGraceSec: 0,")
        defer { run.daemon.stop() }
        #expect(try DaemonProcess.eventually(timeout: 45) { try (run.disruptive()["dryRunRestartsUsed"] as? Int ?? 0) >= 1 })
        #expect(try (run.status()["restartBudget"] as? [String: Any])?["used"] as? Int == 0)
        #expect(run.calls(["openclaw", "gateway", "call", "channels.stop"]).isEmpty)
        #expect(run.audited("channel-restart").first?["outcome"] as? String == "planned")
    }

    /// Runs the test double once, as an outside party would (systemd restarting the gateway).
    static func runFake(_ arguments: [String], scenarioDirectory: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: DaemonProcess.fakeOpenClaw)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["FAKE_OPENCLAW_DIR"] = scenarioDirectory
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
    }
}
