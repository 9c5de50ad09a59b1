import Dispatch
import Logging
import Synchronization

/// Sends `WATCHDOG=1` at half the watchdog interval, but only after an injected health check says
/// the service is healthy within a deadline. A daemon whose monitor loop is wedged, or whose state
/// actor no longer answers, stops pinging and systemd restarts it; a blind timer would keep a dead
/// daemon "alive".
///
/// The pinger decides nothing about health: the daemon's `healthCheck` does (for the healer: the
/// monitor loop completed a tick within its bound and the actor answered). A check still running
/// from an earlier round counts as no answer, and no second check is started beside it.
///
/// Logs at most once per change of verdict (healthy, reported unhealthy, no answer).
/// Call `stop()` when done: the timer keeps the pinger alive until then.
public final class WatchdogPinger: Sendable {
    public typealias HealthCheck = @Sendable () async -> Bool

    /// The timeout systemd enforces (`WATCHDOG_USEC`).
    public let watchdogInterval: Duration
    /// How often a round starts: half of `watchdogInterval`.
    public let pingInterval: Duration
    /// How long a health check may take before its round counts as unhealthy.
    public let checkDeadline: Duration

    private let notifier: any SystemdNotifying
    private let healthCheck: HealthCheck
    private let logger: Logger
    private let queue = DispatchQueue(label: "openclaw-self-heal.watchdog")
    private let state = Mutex(State())

    private struct State {
        var timer: (any DispatchSourceTimer)?
        var running = false
        /// Number of the latest round started; a round is decided once, by its answer or its
        /// deadline, whichever comes first.
        var round: UInt64 = 0
        var decidedRound: UInt64 = 0
        /// A health check has been started and has not returned yet.
        var checkInFlight = false
        /// Kept only to cancel the check on `stop()`.
        var checkTask: Task<Void, Never>?
        var lastVerdict: WatchdogVerdict?
        /// errno of the last failed WATCHDOG=1, so a broken socket is reported once, not per round.
        var lastSendFailure: Int32?
    }

    private enum RoundStart {
        case stopped
        case previousCheckStillRunning
        case check(round: UInt64)
    }

    /// - Parameters:
    ///   - watchdogInterval: `WatchdogSec=` as seen through `SystemdNotifier.watchdogInterval()`.
    ///   - checkDeadline: defaults to a quarter of the interval, so a ping that waits the whole
    ///     deadline still lands well before systemd's timeout (at most 3/4 of it after the last).
    public init(
        watchdogInterval: Duration,
        checkDeadline: Duration? = nil,
        notifier: any SystemdNotifying = SystemdNotifier(),
        logger: Logger = Logger(label: "openclaw-self-heal.watchdog"),
        healthCheck: @escaping HealthCheck
    ) {
        // A timer firing every few nanoseconds would only burn a core; no real WatchdogSec= is that
        // short.
        let interval = max(watchdogInterval, .milliseconds(2))
        self.watchdogInterval = interval
        self.pingInterval = interval / 2
        self.checkDeadline = min(checkDeadline ?? interval / 4, interval / 2)
        self.notifier = notifier
        self.healthCheck = healthCheck
        self.logger = logger
    }

    /// A pinger for this process's watchdog, or `nil` when systemd enabled none (no `WATCHDOG_USEC`,
    /// or `WATCHDOG_PID` names another process).
    public convenience init?(
        notifier: any SystemdNotifying = SystemdNotifier(),
        logger: Logger = Logger(label: "openclaw-self-heal.watchdog"),
        healthCheck: @escaping HealthCheck
    ) {
        guard let interval = SystemdNotifier.watchdogInterval() else { return nil }
        self.init(watchdogInterval: interval, notifier: notifier, logger: logger, healthCheck: healthCheck)
    }

    /// The verdict of the latest decided round, `nil` before the first one.
    public var lastVerdict: WatchdogVerdict? {
        state.withLock { $0.lastVerdict }
    }

    /// Starts the rounds; the first runs at once. Calling it again while running does nothing.
    public func start() {
        state.withLock { state in
            guard !state.running else { return }
            state.running = true
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.setEventHandler { [weak self] in self?.beginRound() }
            timer.schedule(
                deadline: .now(),
                repeating: .nanoseconds(Self.nanoseconds(pingInterval)),
                leeway: .nanoseconds(Self.nanoseconds(pingInterval / 20))
            )
            timer.resume()
            state.timer = timer
        }
    }

    /// Stops the rounds and cancels a running check. No ping is sent after `stop()` returns.
    public func stop() {
        state.withLock { state in
            state.running = false
            state.timer?.cancel()
            state.timer = nil
            state.checkTask?.cancel()
            state.checkTask = nil
        }
    }

    private func beginRound() {
        let start = state.withLock { state -> RoundStart in
            guard state.running else { return .stopped }
            state.round += 1
            guard !state.checkInFlight else {
                state.decidedRound = state.round
                return .previousCheckStillRunning
            }
            state.checkInFlight = true
            return .check(round: state.round)
        }
        switch start {
        case .stopped:
            return
        case .previousCheckStillRunning:
            conclude(.withheld(.noAnswer(deadline: checkDeadline)))
        case .check(let round):
            let task = Task { [healthCheck] in
                let healthy = await healthCheck()
                self.checkReturned(round: round, healthy: healthy)
            }
            state.withLock { $0.checkTask = task }
            queue.asyncAfter(deadline: .now() + .nanoseconds(Self.nanoseconds(checkDeadline))) { [weak self] in
                self?.deadlinePassed(round: round)
            }
        }
    }

    private func checkReturned(round: UInt64, healthy: Bool) {
        let decide = state.withLock { state -> Bool in
            state.checkInFlight = false
            state.checkTask = nil
            guard state.decidedRound < round else { return false }
            state.decidedRound = round
            return true
        }
        // A late answer (after its deadline) decides nothing: that round already withheld its ping.
        if decide { conclude(healthy ? .healthy : .withheld(.reportedUnhealthy)) }
    }

    private func deadlinePassed(round: UInt64) {
        let decide = state.withLock { state -> Bool in
            guard state.decidedRound < round else { return false }
            state.decidedRound = round
            return true
        }
        if decide { conclude(.withheld(.noAnswer(deadline: checkDeadline))) }
    }

    private func conclude(_ verdict: WatchdogVerdict) {
        // The ping goes out under the lock, so none can follow a completed stop().
        let change = state.withLock { state -> (running: Bool, previous: WatchdogVerdict?, newSendFailure: Int32?) in
            guard state.running else { return (false, nil, nil) }
            defer { state.lastVerdict = verdict }
            var newSendFailure: Int32?
            if verdict == .healthy {
                let failure: Int32? = if case .failed(let errno) = notifier.watchdog() { errno } else { nil }
                if failure != state.lastSendFailure { newSendFailure = failure }
                state.lastSendFailure = failure
            }
            return (true, state.lastVerdict, newSendFailure)
        }
        guard change.running else { return }
        if let errno = change.newSendFailure {
            logger.warning("WATCHDOG=1 could not be sent to NOTIFY_SOCKET", metadata: ["errno": "\(errno)"])
        }
        if let entry = verdict.logEntry(
            after: change.previous, pingInterval: pingInterval, watchdogInterval: watchdogInterval
        ) {
            logger.log(level: entry.level, "\(entry.message)")
        }
    }

    private static func nanoseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
    }
}
