import Foundation
import TestSupport

/// The daemon binary run on the host against the OpenClaw test double, with a model cooled by a
/// rate-limit line in the gateway's log and a session repinned off it: what the status page and
/// the Grafana queries are looked at with.
final class LocalDaemon: @unchecked Sendable {
    let directory: String
    let port: Int
    private(set) var pid: pid_t = 0

    var url: String { "http://127.0.0.1:\(port)" }
    var stderr: String { (try? String(contentsOfFile: directory + "/daemon.log", encoding: .utf8)) ?? "" }
    var token: String {
        ((try? String(contentsOfFile: directory + "/state/self-heal.token", encoding: .utf8)) ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// - Parameter scenario: the test double's scenario.json (JSON text).
    init(scenario: String, extraConfig: String = "") throws {
        directory = NSTemporaryDirectory() + "self-heal-deploy-\(UUID().uuidString.prefix(8))"
        for sub in ["state", "logs", "scenario"] {
            try FileManager.default.createDirectory(atPath: directory + "/" + sub, withIntermediateDirectories: true)
        }
        port = try FreePort.pick()
        try scenario.write(toFile: directory + "/scenario/scenario.json", atomically: true, encoding: .utf8)
        let config = """
        {
          modelOrder: ["anthropic/claude-opus-4-6", "openai/gpt-5.2", "google/gemini-2.5-flash"],
          cooldownMinutes: 30,
          probeIntervalSec: 600,
          configFile: "\(directory)/openclaw.json",
          configBackupsDir: "\(directory)/backups",
          sessionsFile: "\(directory)/sessions.json",
          metricsFile: "\(directory)/metrics.jsonl",
          monitor: { intervalSec: 1 },
          openclaw: { bin: "\(Repository.path("Tests/Fixtures/fake-openclaw"))", commandTimeoutSec: 5,
                      logDir: "\(directory)/logs", gatewayUrl: "http://127.0.0.1:9" },
          server: { listen: "127.0.0.1:\(port)" },
          \(extraConfig)
        }
        """
        try config.write(toFile: directory + "/config.json5", atomically: true, encoding: .utf8)
        try "{}".write(toFile: directory + "/openclaw.json", atomically: true, encoding: .utf8)
    }

    func start() throws {
        pid = try Command.spawn([Repository.binary, "serve", "--config", directory + "/config.json5",
                                 "--state-dir", directory + "/state"],
                                environment: ["FAKE_OPENCLAW_DIR": directory + "/scenario", "NOTIFY_SOCKET": "",
                                              "WATCHDOG_USEC": "", "JOURNAL_STREAM": ""],
                                output: directory + "/daemon.log", errors: directory + "/daemon.log")
        guard eventually(timeout: 20, { (try? httpGet(url + "/health"))?.status == 200 }) else {
            throw TestFailure("the daemon did not answer /health:\n\(stderr)")
        }
    }

    /// A rate-limit failure of `provider/model` in today's gateway log, as OpenClaw writes it.
    func logRateLimit(provider: String, model: String, runId: String) throws {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        let path = directory + "/logs/openclaw-\(formatter.string(from: Date())).log"
        let meta: [String: Any] = [
            "event": "model_fallback_decision", "tags": ["error_handling", "model_fallback", "candidate_failed"],
            "runId": runId, "decision": "candidate_failed", "requestedProvider": provider, "requestedModel": model,
            "candidateProvider": provider, "candidateModel": model, "attempt": 1, "total": 2, "reason": "rate_limit",
            "status": 429, "nextCandidateProvider": "openai", "nextCandidateModel": "gpt-5.2", "isPrimary": true,
        ]
        let line: [String: Any] = [
            "0": #"{"subsystem":"model-fallback/decision"}"#, "1": meta, "2": "model fallback decision",
            "_meta": ["logLevelName": "WARN"], "time": ISO8601DateFormatter().string(from: Date()),
        ]
        let data = try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]) + Data("\n".utf8)
        if !FileManager.default.fileExists(atPath: path) { FileManager.default.createFile(atPath: path, contents: nil) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: data)
        try handle.close()
    }

    func status() -> [String: Any] {
        guard let body = try? httpGet(url + "/status").body,
              let object = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] else { return [:] }
        return object
    }

    /// Waits until the snapshot shows `model` cooling and at least one repinned session.
    func waitForCooledAndRepinned(_ model: String, timeout: TimeInterval = 20) -> Bool {
        eventually(timeout: timeout) {
            let s = status()
            let cooling = (s["models"] as? [[String: Any]] ?? []).contains {
                $0["id"] as? String == model && $0["status"] as? String == "cooldown"
            }
            let repinned = ((s["sessionsRepinned"] as? [String: Any])?["count"] as? Int ?? 0) > 0
            return cooling && repinned
        }
    }

    func stop() {
        guard pid > 0 else { return }
        kill(pid, SIGTERM)
        var raw: Int32 = 0
        let deadline = Date().addingTimeInterval(15)
        while waitpid(pid, &raw, WNOHANG) == 0 {
            if Date() > deadline { kill(pid, SIGKILL); waitpid(pid, &raw, 0); break }
            usleep(20_000)
        }
        pid = 0
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(atPath: directory)
    }
}
