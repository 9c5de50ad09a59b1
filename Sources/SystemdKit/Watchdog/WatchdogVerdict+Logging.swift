import Logging

extension WatchdogVerdict {
    /// What to log when a round ends with this verdict after `previous`: nothing when the verdict
    /// did not change (so a wedged daemon logs its reason once, not every round), a debug line for
    /// the first healthy round, a notice when pings resume, a warning when they stop and why.
    func logEntry(
        after previous: WatchdogVerdict?, pingInterval: Duration, watchdogInterval: Duration
    ) -> (level: Logger.Level, message: String)? {
        guard self != previous else { return nil }
        switch self {
        case .healthy where previous == nil:
            return (.debug, "watchdog: \(self); pinging every \(pingInterval)")
        case .healthy:
            return (.notice, "watchdog: \(self) again; WATCHDOG=1 resumed")
        case .withheld:
            return (
                .warning,
                "watchdog: \(self); withholding WATCHDOG=1 (systemd restarts the service after \(watchdogInterval) without one)"
            )
        }
    }
}
