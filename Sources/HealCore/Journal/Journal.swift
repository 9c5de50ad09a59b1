import Dispatch
import FoundationEssentials
import Synchronization

/// Writes the healer's files (state, audit log, metrics file, status file) on serial dispatch
/// queues of its own, off the cooperative pool the actor runs on. The healer hands over immutable
/// values (a `HealState`, records, a snapshot builder) and goes on; the writer takes everything
/// handed over since it last looked as one batch:
/// 1. the newest state — states handed over in between are superseded, never written: while the
///    whole file is small it is rewritten atomically (`StateStore.save`: fsync, rename, directory
///    fsync); once it is big, what changed since the last write is appended to its delta log and
///    fsync'd (`StateLog`), and the log is folded back into the whole file when it outgrows it
///    and when the healer stops (`submit(state:path:whole:)`);
/// 2. the audit records in order, with one fsync for all of them (group commit);
/// 3. the heal events (not fsync'd, as before).
/// The status file has a lane of its own (the newest snapshot, built and encoded there): it is not
/// part of the ordering guarantee, so a state write never waits behind a snapshot encode.
///
/// The state goes first, so an audit record on disk never describes more than the state on disk
/// already knows (the kill tests check this). `durable()` is the one ordering guarantee the
/// healer builds on: it returns once the state handed over before the call is on disk (or says
/// why it is not), and the healer awaits it before any action starts. Callers that arrive while
/// the writer is busy share the next fsync.
///
/// A batch takes every event that arrived meanwhile, so the cost is per batch, not per event; the
/// delta log makes that cost the size of the change instead of the size of everything tracked
/// (a rewrite of 5,000 cron jobs per batch is what held a failure storm back).
public final class Journal: Sendable {
    private struct Shared {
        var pending = JournalBatch()
        /// Hand-overs of state and records so far, and how many of them are written.
        var sequence = 0
        var written = 0
        var writing = false
        /// The status lane: the newest snapshot not yet written and its number; snapshots handed
        /// over so far, and the number of the newest one written.
        var status: (write: JournalBatch.StatusWrite, sequence: Int)?
        var statusSequence = 0
        var statusWritten = 0
        var statusWriting = false
        var waiters: [JournalWaiter] = []
        /// The outcome of the last state write (nil: it worked, or none was needed yet).
        var stateError: String?
        /// Write failures by file ("state-file", "audit-file", "metrics-file", "status-file").
        var faults: [String: String] = [:]
        var batches = 0
        var statesWritten = 0

        /// Takes the waiters whose hand-overs are all written.
        mutating func ready() -> [JournalWaiter] {
            var ready: [JournalWaiter] = []
            waiters.removeAll { w in
                guard written >= w.sequence, statusWritten >= (w.statusSequence ?? 0) else { return false }
                ready.append(w)
                return true
            }
            return ready
        }
    }

    private let shared = Mutex(Shared())
    /// The state files by path, touched only on `queue`.
    private let stateLogs = Mutex<[String: StateLog]>([:])
    /// A state file this big or bigger is saved as delta records (see `StateLog`); below it, the
    /// whole file is cheap to rewrite and stays the only file (what an operator reads and what
    /// most tests look at).
    public static let incrementalStateFrom = 256 << 10
    private let incrementalFrom: Int
    private let queue = DispatchQueue(label: "openclaw-self-heal.journal", qos: .utility)
    private let statusQueue = DispatchQueue(label: "openclaw-self-heal.journal.status", qos: .utility)
    /// Wakes the status lane early from its spacing (someone waits for the status file).
    private let statusWake = DispatchSemaphore(value: 0)
    /// The status lane writes at most this often unless someone waits for the file: in a storm
    /// each event hands over a snapshot, and building each one would take a core of its own.
    static let statusSpacing: Duration = .milliseconds(250)
    /// Told when the faults change (the status cache must not hide them).
    private let faultsChanged: @Sendable () -> Void

    public init(incrementalFrom: Int = Journal.incrementalStateFrom, faultsChanged: @escaping @Sendable () -> Void = {}) {
        self.incrementalFrom = incrementalFrom
        self.faultsChanged = faultsChanged
    }

    // MARK: hand-over (never blocks on the disk)

    /// With `whole`, the state file is written whole and its delta log removed (at the stop, so
    /// the next start has nothing to replay).
    func submit(state: HealState, path: String, whole: Bool = false) {
        enqueue { $0.state = .init(state: state, path: path, whole: whole || ($0.state?.whole ?? false)) }
    }

    func submit(audit record: AuditRecord, path: String, rotation: LogRotation?) {
        enqueue { $0.audit.append(.init(record: record, path: path, rotation: rotation)) }
    }

    func submit(metric event: MetricEvent, at time: Date, dryRun: Bool, path: String, rotation: LogRotation?) {
        enqueue { $0.metrics.append(.init(event: event, time: time, dryRun: dryRun, path: path, rotation: rotation)) }
    }

    func submit(statusTo path: String, build: @escaping @Sendable () -> StatusSnapshot) {
        let start = shared.withLock { s -> Bool in
            s.statusSequence += 1
            s.status = (.init(path: path, build: build), s.statusSequence)
            guard !s.statusWriting else { return false }
            s.statusWriting = true
            return true
        }
        if start { statusQueue.async { self.drainStatus() } }
    }

    private func enqueue(_ change: (inout JournalBatch) -> Void) {
        let start = shared.withLock { s -> Bool in
            change(&s.pending)
            s.sequence += 1
            guard !s.writing else { return false }
            s.writing = true
            return true
        }
        if start { queue.async { self.drain() } }
    }

    // MARK: waiting

    /// Returns once the state, audit records and heal events handed over before this call are
    /// written: nil when the last state write worked, else why it failed.
    public func durable() async -> String? { await wait(status: false) }

    /// Like `durable()`, and the status file handed over before the call is written too.
    public func drained() async -> String? { await wait(status: true) }

    private func wait(status: Bool) async -> String? {
        await withCheckedContinuation { (continuation: CheckedContinuation<String?, Never>) in
            let now = shared.withLock { s -> String?? in
                if s.written >= s.sequence && (!status || s.statusWritten >= s.statusSequence) {
                    return .some(s.stateError) // nothing outstanding
                }
                s.waiters.append(JournalWaiter(sequence: s.sequence, statusSequence: status ? s.statusSequence : nil,
                                               continuation: continuation))
                return .none
            }
            if let now {
                continuation.resume(returning: now)
            } else if status {
                statusWake.signal()
            }
        }
    }

    /// Writes `audit` then `state` now, on the writer's queue, and waits for it: for the start,
    /// where the interrupted-action records must be on disk before the state that forgets the
    /// actions (a kill in between must not lose them).
    func writeNow(audit: [(AuditRecord, String, LogRotation?)], state: (HealState, String)?) {
        queue.sync {
            for (record, path, rotation) in audit {
                let error = Self.attempt { () throws(FileSystemError) in try AuditLog(path: path, rotation: rotation).append(record) }
                setFaults(["audit-file": error], stateError: nil)
            }
            if let (value, path) = state {
                let error = Self.attempt { () throws(FileSystemError) in try saveState(value, path: path, whole: true) }
                setFaults(["state-file": error], stateError: .some(error))
            }
        }
    }

    /// Why the last state write failed, nil when it worked.
    public var stateError: String? { shared.withLock { $0.stateError } }

    /// Write failures by file, for the snapshot's faults.
    public var faults: [String: String] { shared.withLock { $0.faults } }

    /// Batches written and states written among them (a state per batch at most: the group commit).
    public var figures: (batches: Int, statesWritten: Int) { shared.withLock { ($0.batches, $0.statesWritten) } }

    /// State writes so far, whole and as delta records, for the state file at `path`.
    public func stateWrites(path: String) -> (whole: Int, delta: Int) {
        stateLogs.withLock { logs in logs[path].map { ($0.wholeWrites, $0.deltaWrites) } ?? (0, 0) }
    }

    /// On `queue` only.
    private func saveState(_ state: HealState, path: String, whole: Bool) throws(FileSystemError) {
        let incrementalFrom = self.incrementalFrom
        try stateLogs.withLock { (logs: inout [String: StateLog]) throws(FileSystemError) in
            var log = logs[path] ?? StateLog(path: path, incrementalFrom: incrementalFrom)
            defer { logs[path] = log }
            try log.save(state, whole: whole)
        }
    }

    // MARK: the writers

    private func drain() {
        while true {
            let taken = shared.withLock { s -> (JournalBatch, Int)? in
                guard !s.pending.isEmpty else {
                    s.writing = false
                    return nil
                }
                let batch = s.pending
                s.pending = JournalBatch()
                return (batch, s.sequence)
            }
            guard let (batch, upTo) = taken else { return }
            var changes: [String: String?] = [:]
            var stateError: String??
            if let write = batch.state {
                let error = Self.attempt { () throws(FileSystemError) in
                    try saveState(write.state, path: write.path, whole: write.whole)
                }
                changes["state-file"] = .some(error)
                stateError = .some(error)
            }
            for (path, group) in Self.grouped(batch.audit, by: \.path) {
                changes["audit-file"] = .some(Self.attempt { () throws(FileSystemError) in
                    try AuditLog(path: path, rotation: group[0].rotation).append(group.map(\.record))
                })
            }
            for (path, group) in Self.grouped(batch.metrics, by: \.path) {
                changes["metrics-file"] = .some(Self.attempt { () throws(FileSystemError) in
                    try MetricsLog(path: path, rotation: group[0].rotation).append(group.map { ($0.event, $0.time, $0.dryRun) })
                })
            }
            setFaults(changes, stateError: stateError, written: upTo, stateWritten: batch.state != nil)
        }
    }

    private func drainStatus() {
        while true {
            let taken = shared.withLock { s -> (JournalBatch.StatusWrite, Int)? in
                guard let status = s.status else {
                    s.statusWriting = false
                    return nil
                }
                s.status = nil
                return status
            }
            guard let (write, sequence) = taken else { return }
            let started = ContinuousClock.now
            defer { spaceOut(since: started) }
            let snapshot = write.build()
            let failure: String?
            do {
                let data = try snapshot.jsonData()
                failure = Self.attempt { () throws(FileSystemError) in try AtomicFile.write(data, to: write.path, mode: 0o600) }
            } catch {
                failure = "encode: \(error)"
            }
            setFaults(["status-file": failure], stateError: nil, statusWritten: sequence)
        }
    }

    /// Waits out `statusSpacing` after a status write began, unless someone waits for the file
    /// (then `statusWake` cuts it short).
    private func spaceOut(since started: ContinuousClock.Instant) {
        let urgent = shared.withLock { s in s.waiters.contains { ($0.statusSequence ?? 0) > s.statusWritten } }
        let left = Self.statusSpacing - started.duration(to: .now)
        guard !urgent, left > .zero else { return }
        let (seconds, attoseconds) = left.components
        let nanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
        _ = statusWake.wait(timeout: .now() + .nanoseconds(nanoseconds))
    }

    /// Records outcomes (a nil value clears that file's fault), progress, and resumes the waiters
    /// that are now satisfied.
    private func setFaults(_ changes: [String: String?], stateError: String??, written: Int? = nil,
                           statusWritten: Int? = nil, stateWritten: Bool = false) {
        let (ready, error, changed) = shared.withLock { s -> ([JournalWaiter], String?, Bool) in
            let before = s.faults
            for (key, value) in changes { s.faults[key] = value }
            if let stateError { s.stateError = stateError }
            if stateWritten { s.statesWritten += 1 }
            if let written { s.written = max(s.written, written); s.batches += 1 }
            if let statusWritten { s.statusWritten = max(s.statusWritten, statusWritten) }
            return (s.ready(), s.stateError, s.faults != before)
        }
        if changed { faultsChanged() }
        for w in ready { w.continuation.resume(returning: error) }
    }

    /// Runs one write; returns the error text (nil when it worked).
    private static func attempt(_ body: () throws(FileSystemError) -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return error.description
        }
    }

    /// Groups in first-seen order (a reload may move a log between two records).
    private static func grouped<T>(_ items: [T], by key: KeyPath<T, String>) -> [(String, [T])] {
        var order: [String] = []
        var groups: [String: [T]] = [:]
        for item in items {
            let k = item[keyPath: key]
            if groups[k] == nil { order.append(k) }
            groups[k, default: []].append(item)
        }
        return order.map { ($0, groups[$0]!) }
    }
}
