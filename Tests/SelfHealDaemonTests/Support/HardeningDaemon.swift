import Foundation
import SelfHealDaemon
#if canImport(Glibc)
import Glibc
#endif

/// A daemon started for the hardening tests, with the config they need and the measurements they
/// take: its resident memory, and the hostile clients of `harden/hostile.py` run against it.
struct HardeningDaemon {
    let process: DaemonProcess
    let address: String
    let client: ControlClient

    /// - Parameters:
    ///   - server: members of the `server` group besides `listen`, e.g. `maxConnections: 20`.
    ///   - openclawBin: the CLI; the fake by default (scenario directory `<dir>/scenario`); `$DIR`
    ///     stands for the daemon's temp directory.
    static func start(server: String = "", extra: String = "", openclaw: String = "", modelOrder: [String]? = nil,
                      intervalSec: Int = 1, commandTimeoutSec: Int = 5,
                      openclawBin: String? = nil, arguments: [String] = [], environment: [String: String] = [:],
                      executable: String? = nil, prefixArguments: [String] = [],
                      prepare: (String) throws -> Void = { _ in }) throws -> HardeningDaemon {
        let daemon = try DaemonProcess(config: config(server: server, extra: extra, openclaw: openclaw, modelOrder: modelOrder,
                                                      intervalSec: intervalSec,
                                                      commandTimeoutSec: commandTimeoutSec),
                                       arguments: ["--openclaw-bin", openclawBin ?? DaemonProcess.fakeOpenClaw] + arguments,
                                       environment: environment, executable: executable, prefixArguments: prefixArguments)
        // `gh` and `systemctl` are the test double too (first on PATH), so no test reaches GitHub or
        // the machine's systemd.
        let shims = daemon.directory + "/shims"
        try FileManager.default.createDirectory(atPath: shims, withIntermediateDirectories: true)
        for name in ["gh", "systemctl"] {
            try FileManager.default.createSymbolicLink(atPath: shims + "/" + name, withDestinationPath: DaemonProcess.fakeOpenClaw)
        }
        var env = daemon.process.environment ?? [:]
        env["PATH"] = shims + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        daemon.process.environment = env
        // "$DIR" in the arguments (e.g. a private copy of the test double) means the temp directory.
        daemon.process.arguments = daemon.process.arguments?.map { $0.replacingOccurrences(of: "$DIR", with: daemon.directory) }
        try FileManager.default.createDirectory(atPath: daemon.directory + "/scenario", withIntermediateDirectories: true)
        try prepare(daemon.directory)
        try daemon.start()
        let address = try daemon.waitForListening()
        return HardeningDaemon(process: daemon, address: address, client: try daemon.client(address))
    }

    /// `server` and `openclaw` add members to those groups; `extra` adds top-level keys.
    static func config(server: String, extra: String, openclaw: String = "", modelOrder: [String]? = nil,
                       intervalSec: Int, commandTimeoutSec: Int) -> String {
        let models = modelOrder ?? ["anthropic/claude-opus-4-6", "openai/gpt-5.2", "google/gemini-2.5-flash"]
        let modelList = String(decoding: (try? JSONSerialization.data(withJSONObject: models)) ?? Data("[]".utf8), as: UTF8.self)
        return """
        {
          modelOrder: \(modelList),
          cooldownMinutes: 30,
          configFile: "$DIR/openclaw.json",
          configBackupsDir: "$DIR/backups",
          sessionsFile: "$DIR/sessions.json",
          metricsFile: "$DIR/metrics.jsonl",
          monitor: { intervalSec: \(intervalSec) },
          openclaw: { commandTimeoutSec: \(commandTimeoutSec), logDir: "$DIR/logs", gatewayUrl: "http://127.0.0.1:9", \(openclaw) },
          server: { listen: "127.0.0.1:0", \(server) },
          \(extra)
        }
        """
    }

    var directory: String { process.directory }
    var pid: Int32 { process.process.processIdentifier }

    /// Resident memory in KiB (VmRSS from /proc).
    var residentKiB: Int {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return -1 }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? -1
    }

    /// Open descriptors of the daemon.
    var openDescriptors: Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").count) ?? -1
    }

    /// Runs one scenario of `harden/hostile.py` and returns its JSON report.
    func hostile(_ scenario: String, _ options: [String] = [], timeout: TimeInterval = 300) throws -> [String: Any] {
        let script = DaemonProcess.packageRoot + "/harden/hostile.py"
        let result = try HardeningCommand.run(["/usr/bin/python3", script, address, scenario] + options, timeout: timeout)
        guard result.status == 0, !result.timedOut,
              let line = result.output.split(separator: "\n").last(where: { $0.hasPrefix("{") }),
              let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw DaemonProcess.Failure("hostile.py \(scenario) failed (\(result.status), timed out: \(result.timedOut)):\n\(result.output)")
        }
        return object
    }

    /// Waits until the daemon answers /health with 200.
    func healthy(timeout: TimeInterval = 10) -> Bool {
        DaemonProcess.eventually(timeout: timeout) { (try? client.request("GET", "/health").status) == 200 }
    }

    func status() throws -> [String: Any] {
        let response = try client.request("GET", "/status")
        guard response.status == 200, let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] else {
            throw DaemonProcess.Failure("GET /status answered \(response.status): \(response.text)")
        }
        return object
    }

    /// Warms the daemon up (a few requests of each kind) so the baseline includes lazily built state.
    func warmUp() throws {
        for _ in 0..<20 {
            _ = try client.request("GET", "/status")
            _ = try client.request("GET", "/metrics")
            _ = try client.request("GET", "/health")
        }
    }

    func stop() { process.stop() }
}
