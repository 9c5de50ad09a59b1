import FoundationEssentials
import Glibc

/// Runs commands as argv arrays (never through a shell) with a timeout, capped output and a bound on
/// how many run at once. Shared by the observer and the control so the bound covers both.
///
/// Each command:
/// - is looked up on the PATH it will run with; a missing or non-executable binary comes back as
///   `launchError` ("openclaw: not found on PATH"), never a crash;
/// - leads its own process group, gets `/dev/null` (or the given bytes) as stdin and no other
///   inherited descriptor;
/// - on timeout (or when the calling task is cancelled) gets SIGTERM sent to its whole process group,
///   then SIGKILL after `killGrace`; the result is returned only when the group is gone;
/// - has stdout and stderr read concurrently and kept up to `outputCap` bytes each (the runner's, or
///   the one the call passes), the rest read and discarded so the child never blocks on a full pipe;
///   the result says that the stream was cut and at which cap, so no parser reads a cut document.
public final class CommandRunner: Sendable {
    public let maxConcurrent: Int
    public let outputCap: Int
    public let killGrace: Duration
    private let gate: CommandGate

    public init(maxConcurrent: Int = 4, outputCap: Int = 4 << 20, killGrace: Duration = .seconds(2)) {
        self.maxConcurrent = max(1, maxConcurrent)
        self.outputCap = max(0, outputCap)
        self.killGrace = killGrace
        self.gate = CommandGate(limit: maxConcurrent)
    }

    /// Runs `argv` (argv[0] is looked up on PATH unless it contains a slash).
    /// - Parameters:
    ///   - timeout: measured from the moment the command starts (waiting for a free slot does not count).
    ///   - environment: the child's complete environment; nil inherits the daemon's.
    ///   - stdin: bytes the child reads on standard input (at most 64 KiB), instead of `/dev/null`;
    ///     the way to hand a child a secret without putting it in argv.
    ///   - outputCap: bytes kept of each stream for this command (`openclaw.maxOutputMiB` for the
    ///     CLI, whose `cron list` grows with the jobs), at most the runner's own cap, which is the
    ///     ceiling for every command; nil is the runner's cap.
    public func run(_ argv: [String], timeout: Duration, environment: [String: String]? = nil,
                    stdin: [UInt8]? = nil, outputCap: Int? = nil) async -> CommandResult {
        let outputCap = min(self.outputCap, max(0, outputCap ?? self.outputCap))
        guard let program = argv.first else {
            return CommandResult(argv: argv, launchError: "empty command")
        }
        if let bad = argv.firstIndex(where: { $0.utf8.contains(0) }) {
            return CommandResult(argv: argv, launchError: "\(program): argument \(bad) contains a NUL byte")
        }
        let searchPath = environment.map { $0["PATH"] } ?? ProcessInfo.processInfo.environment["PATH"]
        let executable: String
        switch ExecutableLocator.resolve(program, searchPath: searchPath) {
        case .success(let path): executable = path
        case .failure(.message(let message)): return CommandResult(argv: argv, launchError: message)
        }

        await gate.acquire()
        let cancelled = CancellationFlag()
        let result = await withTaskCancellationHandler {
            await DedicatedThread.run(name: "cmd \(program)") { [killGrace] in
                Self.runBlocking(argv: argv, executable: executable, environment: environment, stdin: stdin,
                                 timeoutNs: timeout.clampedNanoseconds, killGraceNs: killGrace.clampedNanoseconds,
                                 outputCap: outputCap, cancelled: cancelled)
            }
        } onCancel: {
            cancelled.set()
        }
        await gate.release()
        return result
    }

    /// Commands running right now.
    public var runningCount: Int { get async { await gate.running } }

    private static func runBlocking(argv: [String], executable: String, environment: [String: String]?,
                                    stdin: [UInt8]?, timeoutNs: UInt64, killGraceNs: UInt64, outputCap: Int,
                                    cancelled: CancellationFlag) -> CommandResult {
        let start = MonotonicTime.nowNs()
        let process: SpawnedProcess
        switch ProcessSpawner.spawn(executable: executable, argv: argv, environment: environment, stdin: stdin) {
        case .success(let spawned): process = spawned
        case .failure(.message(let message)): return CommandResult(argv: argv, launchError: message)
        }
        let supervisor = ChildSupervisor(process: process, timeoutNs: timeoutNs, killGraceNs: killGraceNs,
                                         outputCap: outputCap, isCancelled: { cancelled.isSet })
        let outcome = supervisor.run()
        var stderr = outcome.stderr.text
        if let note = outcome.note { stderr += (stderr.isEmpty || stderr.hasSuffix("\n") ? "" : "\n") + "[runner] \(note)\n" }
        return CommandResult(argv: argv, exitCode: outcome.exitCode, signal: outcome.signal,
                             stdout: outcome.stdout.text, stderr: stderr,
                             stdoutTruncated: outcome.stdout.truncated, stderrTruncated: outcome.stderr.truncated,
                             timedOut: outcome.timedOut,
                             durationMs: Int((MonotonicTime.nowNs() - start) / 1_000_000), outputCap: outputCap)
    }
}
