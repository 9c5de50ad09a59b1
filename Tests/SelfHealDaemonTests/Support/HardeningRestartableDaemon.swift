import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The built daemon started again and again on one directory and one port, as systemd would
/// restart it after a crash: the state, the audit log, the token and the test double's scenario
/// survive each kill. Each run's stderr goes to `<dir>/stderr-<n>.log`.
final class HardeningRestartableDaemon {
    let directory: String
    let port: Int
    private(set) var runs = 0
    private var process: Process?

    init(config: String, port: Int) throws {
        self.port = port
        directory = NSTemporaryDirectory() + "self-heal-crash-\(UUID().uuidString.prefix(8))"
        for sub in ["state", "logs", "scenario"] {
            try FileManager.default.createDirectory(atPath: directory + "/" + sub, withIntermediateDirectories: true)
        }
        try config.replacingOccurrences(of: "$DIR", with: directory)
            .write(toFile: directory + "/config.json5", atomically: true, encoding: .utf8)
    }

    var stateDirectory: String { directory + "/state" }
    var scenarioDirectory: String { directory + "/scenario" }
    var stderrPath: String { directory + "/stderr-\(runs).log" }
    var pid: Int32? { process?.processIdentifier }

    /// Starts the next run and waits until it listens.
    func start(timeout: TimeInterval = 20) throws {
        runs += 1
        FileManager.default.createFile(atPath: stderrPath, contents: nil)
        let stderr = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: DaemonProcess.binary)
        process.arguments = ["serve", "--config", directory + "/config.json5", "--state-dir", stateDirectory,
                             "--openclaw-bin", DaemonProcess.fakeOpenClaw, "--listen", "127.0.0.1:\(port)"]
        var environment = ProcessInfo.processInfo.environment
        environment["FAKE_OPENCLAW_DIR"] = scenarioDirectory
        for key in ["NOTIFY_SOCKET", "WATCHDOG_USEC", "JOURNAL_STREAM"] { environment.removeValue(forKey: key) }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr
        try process.run()
        try? stderr.close()
        self.process = process
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if currentStderr.contains("info [openclaw-self-heal] listening") { return }
            if !process.isRunning {
                throw DaemonProcess.Failure("run \(runs) exited early (\(process.terminationStatus)):\n\(currentStderr)")
            }
            usleep(10_000)
        }
        throw DaemonProcess.Failure("run \(runs) did not listen within \(timeout) s:\n\(currentStderr)")
    }

    var currentStderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    /// SIGKILL, then the children it left (the test double's processes), as systemd's
    /// KillMode=control-group does, so nothing the dead run started touches the files afterwards.
    func kill9() {
        guard let process else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        self.process = nil
        HardeningOrphans.killProcesses(withEnvironment: "FAKE_OPENCLAW_DIR=\(scenarioDirectory)")
    }

    /// SIGTERM and wait (the end of the test).
    func stop() {
        guard let process else { return }
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(15)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        self.process = nil
        HardeningOrphans.killProcesses(withEnvironment: "FAKE_OPENCLAW_DIR=\(scenarioDirectory)")
    }

    deinit {
        if let process, process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

/// Processes a test started indirectly (children of a daemon it killed), found by an environment
/// variable that names the test's own temp directory, so nothing else is ever touched.
enum HardeningOrphans {
    static func pids(withEnvironment assignment: String) -> [Int32] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        let needle = Data(assignment.utf8)
        return entries.compactMap { Int32($0) }.filter { pid in
            guard pid != getpid(), let environ = FileManager.default.contents(atPath: "/proc/\(pid)/environ") else { return false }
            return environ.split(separator: 0).contains { Data($0) == needle }
        }
    }

    static func killProcesses(withEnvironment assignment: String) {
        for _ in 0..<50 {
            let found = pids(withEnvironment: assignment)
            if found.isEmpty { return }
            for pid in found { kill(pid, SIGKILL) }
            usleep(20_000)
        }
    }
}
