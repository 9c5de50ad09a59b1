import FoundationEssentials

/// How one command ended: its exit status or signal, what it printed (capped), and how long it took.
public struct CommandResult: Sendable, Equatable {
    public var argv: [String]
    /// Set when the process exited normally.
    public var exitCode: Int32?
    /// Set when the process was ended by a signal (including the runner's own SIGTERM/SIGKILL).
    public var signal: Int32?
    public var stdout: String
    public var stderr: String
    public var stdoutTruncated: Bool
    public var stderrTruncated: Bool
    /// The timeout (or the caller's cancellation) ended the command.
    public var timedOut: Bool
    public var durationMs: Int
    /// Set when the command could not be started at all; nothing ran.
    public var launchError: String?
    /// The bytes kept of each stream (0 when unknown, e.g. a result built by hand).
    public var outputCap: Int

    public init(argv: [String], exitCode: Int32? = nil, signal: Int32? = nil, stdout: String = "",
                stderr: String = "", stdoutTruncated: Bool = false, stderrTruncated: Bool = false,
                timedOut: Bool = false, durationMs: Int = 0, launchError: String? = nil, outputCap: Int = 0) {
        self.argv = argv; self.exitCode = exitCode; self.signal = signal
        self.stdout = stdout; self.stderr = stderr
        self.stdoutTruncated = stdoutTruncated; self.stderrTruncated = stderrTruncated
        self.timedOut = timedOut; self.durationMs = durationMs; self.launchError = launchError
        self.outputCap = outputCap
    }

    /// Started, finished in time and exited 0.
    public var succeeded: Bool { launchError == nil && !timedOut && exitCode == 0 }

    /// One line saying how the command failed (or "exit 0"), for observation faults and outcomes.
    public var failureSummary: String {
        if let launchError { return launchError }
        if timedOut { return "timed out after \(durationMs) ms (process group killed)" }
        let firstLine = Self.firstNonEmptyLine(stderr) ?? Self.firstNonEmptyLine(stdout)
        let said = firstLine.map { ": \($0)" } ?? ""
        if let signal { return "killed by signal \(signal)\(said)" }
        return "exit \(exitCode ?? -1)\(said)"
    }

    static func firstNonEmptyLine(_ text: String, limit: Int = 300) -> String? {
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimming(.whitespaces)
            if !trimmed.isEmpty { return trimmed.count > limit ? String(trimmed.prefix(limit)) + "…" : trimmed }
        }
        return nil
    }
}
