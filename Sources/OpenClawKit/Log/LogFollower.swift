import Dispatch
import FoundationEssentials
import Glibc
import HealCore
import Synchronization

/// Follows the gateway's log in `configuration.directory` and hands every model failure it reports
/// to `onFailure`, normally within milliseconds of the line being written.
///
/// Wakeups come from inotify on the log directory (or, while the directory does not exist yet, on
/// its nearest existing parent), backed by a slow safety poll (`pollInterval`). Without inotify it
/// polls every `fallbackPollInterval` (at most 100 ms). It never spins: when nothing is written it
/// wakes once per safety poll.
///
/// `onFailure` runs on the follower's own serial queue, in log order; it should hand the event on
/// (to an actor, say) and return, since the next lines wait for it. Calling `start`, `stop` or
/// `stats` from inside it is allowed.
///
/// See `LogTail` for how files, rotation, truncation, the date rollover and restarts are handled.
public final class LogFollower: Sendable {
    public let configuration: LogFollowerConfiguration
    private let now: @Sendable () -> Date
    private let onFailure: @Sendable (FailureEvent) -> Void
    private let queue: DispatchQueue
    private let queueKey: DispatchSpecificKey<Bool>
    private let state = Mutex(State())

    private struct State {
        var tail: LogTail?
        var watcher: LogDirectoryWatcher?
        var timer: DispatchSourceTimer?
        var timerInterval: Duration?
        var watchError: String?
        var lastWatchAttempt: ContinuousClock.Instant?
        var stoppedStats = LogFollowerStats()
    }

    public init(configuration: LogFollowerConfiguration, now: @escaping @Sendable () -> Date = Date.init,
                onFailure: @escaping @Sendable (FailureEvent) -> Void) {
        self.configuration = configuration
        self.now = now
        self.onFailure = onFailure
        queue = DispatchQueue(label: "openclaw-self-heal.log-follower")
        queueKey = DispatchSpecificKey()
        queue.setSpecific(key: queueKey, value: true)
    }

    deinit {
        state.withLock { state in
            state.watcher?.cancel()
            state.timer?.cancel()
        }
    }

    /// Starts following (a no-op when already started). Where reading begins is settled before it
    /// returns: lines appended afterwards are new.
    public func start() {
        onQueue {
            state.withLock { state in
                guard state.tail == nil else { return }
                let tail = LogTail(configuration: configuration)
                tail.start(now: now())
                state.tail = tail
                reconcileWakeups(&state)
            }
            queue.async { [weak self] in self?.tick() }
        }
    }

    /// Stops following and saves the position. No callback runs after it returns. (Called from
    /// inside `onFailure`, the failures already read in that round are still delivered: their lines
    /// are behind the saved position, so they would otherwise be lost.)
    public func stop() {
        onQueue {
            state.withLock { state in
                guard let tail = state.tail else { return }
                state.watcher?.cancel()
                state.watcher = nil
                state.timer?.cancel()
                state.timer = nil
                state.timerInterval = nil
                state.lastWatchAttempt = nil
                tail.savePosition(force: true)
                tail.close()
                state.stoppedStats = tail.stats
                state.stoppedStats.wakeupMode = .none
                state.tail = nil
            }
        }
    }

    public var stats: LogFollowerStats {
        state.withLock { state in
            guard let tail = state.tail else { return state.stoppedStats }
            var stats = tail.stats
            stats.wakeupMode = state.watcher == nil ? .poll : .inotify
            stats.watchError = state.watchError
            return stats
        }
    }

    // MARK: - Work on the queue

    /// One round: check the wakeup sources, read what is new, save the position when due, then
    /// hand the failures on outside the lock.
    private func tick() {
        let events: [FailureEvent] = state.withLock { state in
            guard let tail = state.tail else { return [] }
            reconcileWakeups(&state)
            var events: [FailureEvent] = []
            tail.pump(now: now()) { events.append($0) }
            tail.savePosition(force: false)
            return events
        }
        for event in events { onFailure(event) }
    }

    private func watcherChanged(_ change: LogDirectoryWatcher.Change) {
        if change == .watchEnded {
            state.withLock { state in
                state.watcher?.cancel()
                state.watcher = nil
            }
        }
        tick()
    }

    /// Watches the log directory when it exists, else its nearest existing parent (to learn when it
    /// appears), and sets the poll to match: slow with a watch, fast without one.
    private func reconcileWakeups(_ state: inout State) {
        if configuration.useInotify {
            let target = watchTarget()
            let instant = ContinuousClock.now
            // After a failure, try again only once per safety poll, not on every fast poll.
            let mayRetry = state.lastWatchAttempt.map { $0.duration(to: instant) >= configuration.pollInterval } ?? true
            if state.watcher?.directory != target.directory, state.watcher != nil || mayRetry {
                state.watcher?.cancel()
                state.watcher = nil
                state.lastWatchAttempt = instant
                do {
                    state.watcher = try LogDirectoryWatcher(
                        directory: target.directory, mask: target.mask, namePrefix: target.namePrefix, queue: queue,
                        onChange: { [weak self] change in self?.watcherChanged(change) })
                    state.watchError = nil
                } catch {
                    state.watchError = error.description
                }
            }
        }
        let interval = state.watcher == nil
            ? min(configuration.fallbackPollInterval, .milliseconds(100))
            : configuration.pollInterval
        if state.timerInterval != interval {
            state.timer?.cancel()
            let timer = DispatchSource.makeTimerSource(queue: queue)
            let nanoseconds = Int(interval.components.seconds) * 1_000_000_000 + Int(interval.components.attoseconds / 1_000_000_000)
            timer.schedule(deadline: .now() + .nanoseconds(nanoseconds), repeating: .nanoseconds(nanoseconds),
                           leeway: .nanoseconds(max(1_000_000, nanoseconds / 10)))
            timer.setEventHandler { [weak self] in self?.tick() }
            timer.resume()
            state.timer = timer
            state.timerInterval = interval
        }
    }

    private func watchTarget() -> (directory: String, mask: UInt32, namePrefix: String) {
        let directory = configuration.directory
        if LogFileHandle.isDirectory(directory) {
            return (directory, LogDirectoryWatcher.fileEvents | LogDirectoryWatcher.selfEvents, "openclaw")
        }
        // Walk up to the nearest directory that exists and wait there for the next component.
        var child = URL(fileURLWithPath: directory).standardizedFileURL
        var parent = child.deletingLastPathComponent()
        while !LogFileHandle.isDirectory(parent.path), parent.path != "/" {
            child = parent
            parent = parent.deletingLastPathComponent()
        }
        let mask = UInt32(IN_CREATE) | UInt32(IN_MOVED_TO) | LogDirectoryWatcher.selfEvents
        return (parent.path, mask, child.lastPathComponent)
    }

    private func onQueue(_ body: () -> Void) {
        if DispatchQueue.getSpecific(key: queueKey) == true {
            body()
        } else {
            queue.sync(execute: body)
        }
    }
}
