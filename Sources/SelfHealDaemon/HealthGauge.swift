import FoundationEssentials
import Glibc
import Synchronization

/// What `GET /health` and the watchdog read without a hop through the healer actor: the monitor
/// loop's progress and whether the state directory is writable. Updated by the loop, read by any
/// thread.
public final class HealthGauge: Sendable {
    private struct State {
        var progress = MonitorProgress()
        var stateDirectoryProblem: String?
        var ticks = 0
    }

    private let state = Mutex(State())
    public let startedAt: Date

    public init(startedAt: Date) { self.startedAt = startedAt }

    public func tickStarted(at date: Date) {
        state.withLock { $0.progress.tickStartedAt = date }
    }

    public func tickFinished(at date: Date, stateDirectoryProblem: String?) {
        state.withLock {
            $0.progress.tickStartedAt = nil
            $0.progress.lastTickFinishedAt = date
            $0.stateDirectoryProblem = stateDirectoryProblem
            $0.ticks += 1
        }
    }

    public var progress: MonitorProgress { state.withLock { $0.progress } }
    public var ticks: Int { state.withLock { $0.ticks } }

    /// nil when healthy, else the reason `/health` answers 503.
    public func problem(now: Date, intervalSec: Int) -> String? {
        let (progress, directoryProblem) = state.withLock { ($0.progress, $0.stateDirectoryProblem) }
        if let directoryProblem { return directoryProblem }
        let limit = TimeInterval(2 * intervalSec)
        guard let last = progress.lastTickFinishedAt else {
            let age = now.timeIntervalSince(startedAt)
            return age <= limit ? nil : "no monitor tick has finished in \(Int(age)) s since start"
        }
        let age = now.timeIntervalSince(last)
        return age <= limit ? nil : "last monitor tick finished \(Int(age)) s ago (limit \(Int(limit)) s)"
    }

    /// Checks that a file can be created in `directory` (what persisting state needs).
    public static func writabilityProblem(directory: String) -> String? {
        let probe = directory + "/.self-heal-write-check-\(getpid())"
        guard FileManager.default.createFile(atPath: probe, contents: Data()) else {
            return "state directory \(directory) is not writable"
        }
        try? FileManager.default.removeItem(atPath: probe)
        return nil
    }
}
