import Foundation
import SelfHealDaemon
import Synchronization
import Testing
import TestSupport
@testable import HealCore
#if canImport(Glibc)
import Glibc
#endif

/// A failure storm against a healer that tracks thousands of cron jobs (so its state is saved as
/// delta records, see `StateLog`), killed with SIGKILL in the middle: every event `POST /events`
/// acknowledged is in the state the files hold, and the next start replays the log, folds it into
/// the whole file and shows every one of them cooling.
@Suite(.serialized)
struct StormKillTests {
    static let jobs = 3000
    static let posters = 8

    static func config() -> String {
        """
        {
          modelOrder: ["anthropic/claude-opus-4-6", "openai/gpt-5.2"],
          cooldownMinutes: 30,
          probeEnabled: false,
          configFile: "$DIR/openclaw.json",
          configBackupsDir: "$DIR/backups",
          sessionsFile: "$DIR/sessions.json",
          metricsFile: "$DIR/metrics.jsonl",
          monitor: { intervalSec: 3600 },
          openclaw: { commandTimeoutSec: 20, logDir: "$DIR/logs", gatewayUrl: "http://127.0.0.1:9" },
          server: { listen: "127.0.0.1:0" },
        }
        """
    }

    static func scenario() -> [String: Any] {
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let crons: [[String: Any]] = (0..<jobs).map { i in
            ["id": "job-\(i)", "name": "Job \(i): morning brief", "enabled": true,
             "schedule": ["kind": "every", "everyMs": 3_600_000],
             "state": ["lastRunAtMs": now - 60_000, "lastRunStatus": "ok", "consecutiveErrors": 0]]
        }
        return ["gateway": "up", "sessions": [String: Any](), "cron": crons]
    }

    /// Posts failures, each about a model of its own, from several connections until stopped;
    /// remembers the models whose event was acknowledged.
    final class Storm: Sendable {
        let acknowledged = Mutex<[String]>([])
        let running = Atomic<Bool>(true)

        func post(address: String, token: String, poster: Int) {
            guard let client = try? ControlClient(url: "http://" + address, timeout: 10) else { return }
            var n = 0
            while running.load(ordering: .relaxed) {
                let model = "storm/p\(poster)-\(n)"
                n += 1
                let body = #"{"model":"\#(model)","error":"429 rate_limit_error: rate limit reached"}"#
                guard let response = try? client.request("POST", "/events", token: token, body: Array(body.utf8)) else { return }
                if response.status == 200 || response.status == 202 { acknowledged.withLock { $0.append(model) } }
            }
        }
    }

    @Test func aKillMidStormLosesNoAcknowledgedEvent() throws {
        let port = try FreePort.pick()
        let daemon = try HardeningRestartableDaemon(config: Self.config(), port: port)
        defer { daemon.stop() }
        try "{ gateway: { mode: 'local' } }\n".write(toFile: daemon.directory + "/openclaw.json", atomically: true, encoding: .utf8)
        let scenario = try JSONSerialization.data(withJSONObject: Self.scenario())
        try scenario.write(to: URL(fileURLWithPath: daemon.scenarioDirectory + "/scenario.json"))
        let statePath = daemon.stateDirectory + "/self-heal-state.json"
        let deltaPath = statePath + ".delta"
        try daemon.start()
        let tracked = DaemonProcess.eventually(timeout: 60) {
            (StateStore(path: statePath).read()?.crons.count ?? 0) == Self.jobs
        }
        try #require(tracked, "the first tick did not track \(Self.jobs) jobs")
        let token = try String(contentsOfFile: daemon.stateDirectory + "/self-heal.token", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)

        let storm = Storm()
        let threads = (0..<Self.posters).map { poster in
            Thread { storm.post(address: "127.0.0.1:\(port)", token: token, poster: poster) }
        }
        threads.forEach { $0.start() }
        let deltaSeen = DaemonProcess.eventually(timeout: 60) {
            storm.acknowledged.withLock { $0.count } >= 200 && FileManager.default.fileExists(atPath: deltaPath)
        }
        daemon.kill9()
        storm.running.store(false, ordering: .relaxed)
        let acknowledged = storm.acknowledged.withLock { $0 }
        #expect(deltaSeen, "no delta log beside the state file after \(acknowledged.count) events")

        let state = try #require(StateStore(path: statePath).read(), "the files a kill left do not decode")
        let lost = acknowledged.filter { id in ModelID(id).map { state.models[$0]?.cooldown == nil } ?? true }
        #expect(lost.isEmpty, "\(lost.count) of \(acknowledged.count) acknowledged events are not in the state: \(lost.prefix(5))")
        #expect(state.crons.count == Self.jobs)

        // The next start replays the log, folds it in and shows every acknowledged model cooling.
        Thread.sleep(forTimeInterval: 0.5)
        try daemon.start()
        let client = try ControlClient(url: "http://127.0.0.1:\(port)", timeout: 10)
        let status = try client.request("GET", "/status")
        let snapshot = try #require(try JSONSerialization.jsonObject(with: Data(status.body)) as? [String: Any])
        let cooling = Set(((snapshot["models"] as? [[String: Any]]) ?? [])
            .filter { ($0["status"] as? String) == "cooldown" }.compactMap { $0["id"] as? String })
        let missing = acknowledged.filter { !cooling.contains($0) }
        #expect(missing.isEmpty, "after the restart \(missing.count) acknowledged models are not cooling: \(missing.prefix(5))")
        #expect(!daemon.currentStderr.contains("corrupt"), "\(daemon.currentStderr.suffix(2000))")
        #expect(!FileManager.default.fileExists(atPath: deltaPath), "the start did not fold the delta log into the state file")
        daemon.stop()
    }
}
