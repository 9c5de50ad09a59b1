import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a helper program (argv, never a shell) to completion with a hard time limit, capturing its
/// combined output. The hardening tests use it for the fuzz scripts and for `prlimit`.
enum HardeningCommand {
    struct Result {
        var status: Int32
        var output: String
        var timedOut: Bool
    }

    static func run(_ argv: [String], environment: [String: String] = [:], timeout: TimeInterval,
                    directory: String = DaemonProcess.packageRoot) throws -> Result {
        let process = Process()
        // In a session of its own, so a timeout kills the whole process group (the script and
        // the fuzzer it runs), not only the script.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        process.arguments = argv
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let captured = Captured()
        pipe.fileHandleForReading.readabilityHandler = { handle in captured.append(handle.availableData) }
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        var timedOut = false
        if process.isRunning {
            timedOut = true
            kill(-process.processIdentifier, SIGKILL)
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        usleep(50_000)
        pipe.fileHandleForReading.readabilityHandler = nil
        return Result(status: process.terminationStatus, output: captured.text, timedOut: timedOut)
    }

    /// Output gathered by the pipe's handler thread.
    final class Captured: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        func append(_ more: Data) { lock.lock(); data.append(more); lock.unlock() }
        var text: String { lock.lock(); defer { lock.unlock() }; return String(decoding: data, as: UTF8.self) }
    }
}
