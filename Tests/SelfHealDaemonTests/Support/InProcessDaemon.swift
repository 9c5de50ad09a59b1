import Foundation
import HealCore
import Logging
import OpenClawKit
import RawHTTP
@testable import SelfHealDaemon
import TestSupport

/// A `Daemon` built in this process from a config text and the dependencies a test chooses (no
/// child process, no signal handlers): it listens on a free loopback port, runs its monitor loop,
/// and stops through the same `shutdown` a SIGTERM takes.
final class InProcessDaemon: @unchecked Sendable {
    let directory: String
    let daemon: Daemon
    /// Everything it logged, message and metadata.
    let log: CapturingLogHandler.Store
    private var running: Task<Void, any Error>?

    /// - Parameters:
    ///   - config: JSON5 text (paths may use `$DIR`), as `DaemonProcess` takes it.
    ///   - openclawBin: the CLI the real observer and control run.
    ///   - prepare: writes what the config refers to (secret files) before the daemon reads it.
    ///   - dependencies: given the CLI runner the test's observer and control may share, and the
    ///     environment their children need (the test double's scenario directory).
    init(config: String, openclawBin: String = "/nonexistent/openclaw", prepare: (String) throws -> Void = { _ in },
         dependencies: (_ runner: CommandRunner, _ childEnvironment: [String: String]) -> DaemonDependencies) throws {
        directory = NSTemporaryDirectory() + "self-heal-inproc-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory + "/state", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: directory + "/logs", withIntermediateDirectories: true)
        try config.replacingOccurrences(of: "$DIR", with: directory)
            .write(toFile: directory + "/config.json5", atomically: true, encoding: .utf8)
        try prepare(directory)
        let childEnvironment = ["FAKE_OPENCLAW_DIR": directory + "/scenario"]
        let options = ServeOptions(configPath: directory + "/config.json5", openclawBin: openclawBin,
                                   stateDir: directory + "/state", environment: ["HOME": directory])
        let runner = CommandRunner(maxConcurrent: 6, outputCap: 16 << 20)
        let (logger, log) = CapturingLogHandler.logger(label: "in-process-daemon")
        self.log = log
        daemon = try Daemon(options: options, logger: logger, dependencies: dependencies(runner, childEnvironment))
    }

    /// Starts it and waits until it listens; returns `HOST:PORT`.
    func start() async throws -> String {
        let daemon = self.daemon
        running = Task { try await daemon.run() }
        for _ in 0..<400 {
            if daemon.server.boundPort != 0 { return daemon.server.boundAddress }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw DaemonProcess.Failure("the in-process daemon did not listen within 10 s")
    }

    /// The stop a SIGTERM would make; returns once `run()` has returned.
    func stop() async {
        await daemon.shutdown(signal: "SIGTERM")
        _ = try? await running?.value
    }

    /// A request through the real socket, made on a thread of its own: the blocking client must not
    /// hold one of the few threads the daemon's tasks run on.
    static func request(_ address: String, _ method: String, _ path: String) async throws -> ControlClient.Response {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try ControlClient(url: "http://" + address, timeout: 10).request(method, path) })
            }
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// Polls `condition` until it holds or the timeout passes, without holding a thread.
    static func eventually(timeout: Duration = .seconds(10), _ condition: () async throws -> Bool) async rethrows -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return try await condition()
    }
}
