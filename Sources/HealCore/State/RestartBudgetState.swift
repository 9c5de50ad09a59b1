import FoundationEssentials

/// Gateway restarts made (or, in dry run, planned) and the pause that follows a spent budget.
public struct RestartBudgetState: Sendable, Equatable, Codable {
    /// Restart times within the current window, oldest first.
    public var restarts: [Date]
    /// Last restart, kept even after it leaves the window (the minimum interval still applies).
    public var lastRestartAt: Date?
    public var pausedUntil: Date?
    public var pauseReason: String?

    public init(restarts: [Date] = [], lastRestartAt: Date? = nil, pausedUntil: Date? = nil,
                pauseReason: String? = nil) {
        self.restarts = restarts; self.lastRestartAt = lastRestartAt; self.pausedUntil = pausedUntil
        self.pauseReason = pauseReason
    }

    /// Restarts within `windowSec` before `now`.
    public func used(at now: Date, windowSec: Int) -> Int {
        restarts.filter { now.timeIntervalSince($0) < Double(windowSec) && $0 <= now }.count
    }

    public func isPaused(at now: Date) -> Bool {
        guard let until = pausedUntil else { return false }
        return now < until
    }
}
