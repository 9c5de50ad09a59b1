/// Sends sd_notify messages. `SystemdNotifier` is the real one; tests (and the watchdog pinger's
/// tests) substitute a recorder.
public protocol SystemdNotifying: Sendable {
    /// Sends `message` (newline-separated `KEY=value` assignments) as one datagram.
    @discardableResult
    func notify(_ message: String) -> NotifyOutcome
}

extension SystemdNotifying {
    /// `READY=1`: startup is complete (listening, state loaded), or a reload has finished.
    @discardableResult
    public func ready(status: String? = nil) -> NotifyOutcome {
        notify(NotifyMessage.ready(status: status))
    }

    /// `STATUS=`: one readable line shown by `systemctl status`.
    @discardableResult
    public func status(_ text: String) -> NotifyOutcome {
        notify(NotifyMessage.status(text))
    }

    /// `RELOADING=1` with `MONOTONIC_USEC=` (now on CLOCK_MONOTONIC). Send `ready()` when the reload
    /// is over, whether it succeeded or kept the old config.
    @discardableResult
    public func reloading() -> NotifyOutcome {
        notify(NotifyMessage.reloading(monotonicMicroseconds: MonotonicClock.nowMicroseconds()))
    }

    /// `STOPPING=1`: shutdown has begun.
    @discardableResult
    public func stopping(status: String? = nil) -> NotifyOutcome {
        notify(NotifyMessage.stopping(status: status))
    }

    /// `WATCHDOG=1`: the service is alive. Prefer `WatchdogPinger`, which sends it only after a
    /// health check passes.
    @discardableResult
    public func watchdog() -> NotifyOutcome {
        notify(NotifyMessage.watchdog)
    }
}
