import FoundationEssentials

/// Whether the monitor loop is making progress, which gates the systemd watchdog ping.
///
/// A tick in progress is fine while it is younger than its own bound (gathering waits at most the
/// command timeout, so a slow `openclaw` command is not a wedge); between ticks, the last one must
/// have finished within the interval plus the same bound. Pure, so the rule is testable with plain
/// values.
public struct MonitorProgress: Sendable, Equatable {
    public var tickStartedAt: Date?
    public var lastTickFinishedAt: Date?

    public init(tickStartedAt: Date? = nil, lastTickFinishedAt: Date? = nil) {
        self.tickStartedAt = tickStartedAt
        self.lastTickFinishedAt = lastTickFinishedAt
    }

    /// - Parameters:
    ///   - startedAt: when the daemon started (before the first tick finishes).
    ///   - interval: seconds between ticks.
    ///   - tickBound: the longest a healthy tick may take.
    public func isMakingProgress(now: Date, startedAt: Date, interval: TimeInterval, tickBound: TimeInterval) -> Bool {
        if let started = tickStartedAt {
            return now.timeIntervalSince(started) <= tickBound
        }
        let reference = lastTickFinishedAt ?? startedAt
        return now.timeIntervalSince(reference) <= interval + tickBound
    }

    /// The bound for one tick: every command runs concurrently under `commandTimeoutSec`, plus the
    /// kill grace and the healer's own work.
    public static func tickBound(commandTimeoutSec: Int) -> TimeInterval {
        TimeInterval(commandTimeoutSec) * 2 + 10
    }
}
