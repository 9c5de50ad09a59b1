import CSystemd
#if canImport(Glibc)
import Glibc
#endif

/// The sd_notify side of the service manager protocol, over libsystemd's `sd_notify`.
///
/// Without `NOTIFY_SOCKET` (not started by systemd, or not `Type=notify`) every call is a no-op that
/// returns `.notSupervised`. The environment is left in place (`unset_environment` 0) because the
/// healer notifies for its whole life, not only once at startup; `NotifyAccess=main` in the unit
/// keeps child processes, which inherit the variable, from speaking for the healer.
/// `sd_notify` opens a fresh socket per call, so this is safe from any thread.
public struct SystemdNotifier: SystemdNotifying {
    public init() {}

    /// Whether `NOTIFY_SOCKET` is set, so notifications go somewhere.
    public var isSupervised: Bool {
        getenv("NOTIFY_SOCKET") != nil
    }

    @discardableResult
    public func notify(_ message: String) -> NotifyOutcome {
        let result = sd_notify(0, message)
        if result > 0 { return .sent }
        if result == 0 { return .notSupervised }
        return .failed(errno: -result)
    }

    /// The watchdog timeout systemd expects pings within (`WatchdogSec=`), from `WATCHDOG_USEC`;
    /// `nil` when the watchdog is not enabled for this process: no `WATCHDOG_USEC`, or a
    /// `WATCHDOG_PID` naming another process (a child that inherited the variables). Values that do
    /// not parse also count as "not enabled": systemd never sets them, and pinging on a guessed
    /// interval would be worse than not pinging.
    public static func watchdogInterval() -> Duration? {
        var microseconds: UInt64 = 0
        let result = sd_watchdog_enabled(0, &microseconds)
        guard result > 0, microseconds > 0, microseconds <= UInt64(Int64.max) else { return nil }
        return .microseconds(Int64(microseconds))
    }
}
