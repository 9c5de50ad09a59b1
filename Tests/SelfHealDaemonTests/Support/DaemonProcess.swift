import Foundation
import SelfHealDaemon
#if canImport(Glibc)
import Glibc
#endif

/// The built `openclaw-self-heal` binary run as a child process for end-to-end tests: a temp state
/// directory, the OpenClaw test double on PATH, a free loopback port, stderr captured.
final class DaemonProcess: @unchecked Sendable {
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["OPENCLAW_SELF_HEAL_BIN"] { return path }
        return packageRoot + "/.build/debug/openclaw-self-heal"
    }

    static var packageRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }

    static var fakeOpenClaw: String { packageRoot + "/Tests/Fixtures/fake-openclaw" }

    let process = Process()
    let directory: String
    private let stderrPipe = Pipe()
    private let lock = NSLock()
    private var captured = Data()

    /// - Parameters:
    ///   - config: JSON5 text written to `<dir>/config.json5` (paths may use `$DIR`).
    ///   - arguments: extra `serve` flags.
    ///   - reusing: a directory of an earlier run to start again on (its state, audit log and scenario).
    init(config: String, arguments: [String] = [], environment: [String: String] = [:],
         executable: String? = nil, prefixArguments: [String] = [], reusing: String? = nil) throws {
        directory = reusing ?? NSTemporaryDirectory() + "self-heal-e2e-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory + "/state", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: directory + "/logs", withIntermediateDirectories: true)
        let configText = config.replacingOccurrences(of: "$DIR", with: directory)
        try configText.write(toFile: directory + "/config.json5", atomically: true, encoding: .utf8)

        process.executableURL = URL(fileURLWithPath: executable ?? Self.binary)
        process.arguments = prefixArguments + ["serve", "--config", directory + "/config.json5",
                                               "--state-dir", directory + "/state"] + arguments
        var env = ProcessInfo.processInfo.environment
        env["FAKE_OPENCLAW_DIR"] = directory + "/scenario"
        env.removeValue(forKey: "NOTIFY_SOCKET")
        env.removeValue(forKey: "WATCHDOG_USEC")
        env.removeValue(forKey: "JOURNAL_STREAM")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderrPipe
        stderrPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.lock(); self.captured.append(data); self.lock.unlock()
        }
    }

    var stderr: String {
        lock.lock(); defer { lock.unlock() }
        return String(decoding: captured, as: UTF8.self)
    }

    func start() throws { try process.run() }

    /// Waits for the "listening" log line and returns the bound address.
    func waitForListening(timeout: TimeInterval = 20) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let range = stderr.range(of: #"address=(\[[0-9a-f:]+\]|[0-9.]+):[0-9]+"#, options: .regularExpression) {
                return String(stderr[range].dropFirst("address=".count))
            }
            if !process.isRunning { throw Failure("daemon exited early (\(process.terminationStatus)):\n\(stderr)") }
            usleep(20_000)
        }
        throw Failure("daemon did not log a listening address within \(timeout) s:\n\(stderr)")
    }

    func client(_ address: String) throws -> ControlClient { try ControlClient(url: "http://" + address, timeout: 10) }

    var token: String {
        (try? String(contentsOfFile: directory + "/state/self-heal.token", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }

    /// SIGTERM and wait; returns the exit status.
    @discardableResult
    func stop(timeout: TimeInterval = 15) -> Int32 {
        guard process.isRunning else { return process.terminationStatus }
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return -1
        }
        return process.terminationStatus
    }

    /// Polls `condition` until it holds or the timeout passes.
    static func eventually(timeout: TimeInterval = 10, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return true }
            usleep(50_000)
        }
        return try condition()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        stderrPipe.fileHandleForReading.readabilityHandler = nil
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
