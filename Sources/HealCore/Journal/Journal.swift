import Dispatch
import Foundation
import Synchronization

/// Writes the healer's files (state, audit log, metrics file, status file) on a serial dispatch
/// queue of its own, off the cooperative pool the actor runs on. The healer hands over immutable
/// values (a `HealState`, records, a snapshot builder) and goes on; the writer takes everything
/// handed over since it last looked as one batch:
/// 1. the newest state, written whole and atomically (`StateStore.save`: fsync, rename, directory
///    fsync) — states handed over in between are superseded, never written;
/// 2. the audit records in order, with one fsync for all of them (group commit);
/// 3. the heal events (not fsync'd, as before);
/// 4. the newest status snapshot, built and written here, not on the actor.
///
/// The state goes first, so an audit record on disk never describes more than the state on disk
/// already knows (the kill tests check this). `durable()` is the one ordering guarantee the
/// healer builds on: it returns once the state handed over before the call is on disk (or says
/// why it is not), and the healer awaits it before any action starts. Callers that arrive while
/// the writer is busy share the next fsync.
///
/// The state is rewritten whole rather than journalled as deltas: at 5,000 jobs the file is
/// encoded and written in tens of milliseconds, and a batch takes every event that arrived
/// meanwhile, so the cost is per batch, not per event; one file that is complete after every
/// write keeps recovery trivial (no replay, no torn delta to reason about).
public final class Journal: Sendable {
    private struct Shared {
        var pending = JournalBatch()
        /// Hand-overs so far, and how many of them are written.
        var sequence = 0
        var written = 0
        /// Hand-overs whose whole batch, status file included, is written.
        var settled = 0
        var writing = false
        var waiters: [JournalWaiter] = []
        /// The outcome of the last state write (nil: it worked, or none was needed yet).
        var stateError: String?
        /// Write failures by file ("state-file", "audit-file", "metrics-file", "status-file").
        var faults: [String: String] = [:]
        var batches = 0
        var statesWritten = 0
    }

    private let shared = Mutex(Shared())
    private let queue = DispatchQueue(label: "openclaw-self-heal.journal", qos: .utility)
    /// Told when the faults change (the status cache must not hide them).
    private let faultsChanged: @Sendable () -> Void

    public init(faultsChanged: @escaping @Sendable () -> Void = {}) {
        self.faultsChanged = faultsChanged
    }

    // MARK: hand-over (never blocks on the disk)

    func submit(state: HealState, path: String) {
        enqueue { $0.state = .init(state: state, path: path) }
    }

    func submit(audit record: AuditRecord, path: String, rotation: LogRotation?) {
        enqueue { $0.audit.append(.init(record: record, path: path, rotation: rotation)) }
    }

    func submit(metric event: MetricEvent, at time: Date, dryRun: Bool, path: String, rotation: LogRotation?) {
        enqueue { $0.metrics.append(.init(event: event, time: time, dryRun: dryRun, path: path, rotation: rotation)) }
    }

    func submit(statusTo path: String, build: @escaping @Sendable () -> StatusSnapshot) {
        enqueue { $0.status = .init(path: path, build: build) }
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
    public func durable() async -> String? { await wait(wholeBatch: false) }

    /// Like `durable()`, and the status file is written too (for a stop).
    public func drained() async -> String? { await wait(wholeBatch: true) }

    private func wait(wholeBatch: Bool) async -> String? {
        await withCheckedContinuation { (continuation: CheckedContinuation<String?, Never>) in
            let now = shared.withLock { s -> String?? in
                if (wholeBatch ? s.settled : s.written) >= s.sequence { return .some(s.stateError) }
                s.waiters.append(JournalWaiter(sequence: s.sequence, wholeBatch: wholeBatch, continuation: continuation))
                return .none
            }
            if let now { continuation.resume(returning: now) }
        }
    }

    /// Writes `audit` then `state` now, on the writer's queue, and waits for it: for the start,
    /// where the interrupted-action records must be on disk before the state that forgets the
    /// actions (a kill in between must not lose them).
    func writeNow(audit: [(AuditRecord, String, LogRotation?)], state: (HealState, String)?) {
        queue.sync {
            var faults = shared.withLock { $0.faults }
            for (record, path, rotation) in audit {
                Self.note(&faults, "audit-file") { () throws(FileSystemError) in
                    try AuditLog(path: path, rotation: rotation).append(record)
                }
            }
            var stateError: String??
            if let (value, path) = state {
                stateError = .some(Self.note(&faults, "state-file") { () throws(FileSystemError) in
                    try StateStore(path: path).save(value)
                })
            }
            publish(faults: faults, stateError: stateError, upTo: nil, statusWritten: true)
        }
    }

    /// Why the last state write failed, nil when it worked.
    public var stateError: String? { shared.withLock { $0.stateError } }

    /// Write failures by file, for the snapshot's faults.
    public var faults: [String: String] { shared.withLock { $0.faults } }

    /// Batches written and states written among them (a state per batch at most: the group commit).
    public var figures: (batches: Int, statesWritten: Int) { shared.withLock { ($0.batches, $0.statesWritten) } }

    // MARK: the writer

    private func drain() {
        while true {
            let (batch, upTo, faultsBefore) = shared.withLock { s -> (JournalBatch, Int, [String: String]) in
                let batch = s.pending
                s.pending = JournalBatch()
                return (batch, s.sequence, s.faults)
            }
            if batch.isEmpty {
                let done = shared.withLock { s -> Bool in
                    guard s.pending.isEmpty else { return false }
                    s.writing = false
                    return true
                }
                if done { return }
                continue
            }
            var faults = faultsBefore
            var stateError: String??
            if let write = batch.state {
                stateError = .some(Self.note(&faults, "state-file") { () throws(FileSystemError) in
                    try StateStore(path: write.path).save(write.state)
                })
            }
            for (path, group) in Self.grouped(batch.audit, by: \.path) {
                Self.note(&faults, "audit-file") { () throws(FileSystemError) in
                    try AuditLog(path: path, rotation: group[0].rotation).append(group.map(\.record))
                }
            }
            for (path, group) in Self.grouped(batch.metrics, by: \.path) {
                Self.note(&faults, "metrics-file") { () throws(FileSystemError) in
                    try MetricsLog(path: path, rotation: group[0].rotation).append(group.map { ($0.event, $0.time, $0.dryRun) })
                }
            }
            // The state and logs are on disk: callers waiting for durability go on now, while the
            // status file (not part of the guarantee) is built and written.
            publish(faults: faults, stateError: stateError, upTo: upTo, statusWritten: batch.status == nil,
                    stateWritten: batch.state != nil)
            if let status = batch.status {
                Self.writeStatus(status, into: &faults)
                publish(faults: faults, stateError: nil, upTo: upTo, statusWritten: true)
            }
        }
    }

    private static func writeStatus(_ write: JournalBatch.StatusWrite, into faults: inout [String: String]) {
        let snapshot = write.build()
        do {
            let data = try snapshot.jsonData()
            note(&faults, "status-file") { () throws(FileSystemError) in
                try AtomicFile.write(data, to: write.path, mode: 0o600)
            }
        } catch {
            faults["status-file"] = "encode: \(error)"
        }
    }

    /// Records the outcome of one write; returns the error text (nil when it worked).
    @discardableResult
    private static func note(_ faults: inout [String: String], _ key: String,
                             _ body: () throws(FileSystemError) -> Void) -> String? {
        do {
            try body()
            faults[key] = nil
            return nil
        } catch {
            faults[key] = error.description
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

    private func publish(faults: [String: String], stateError: String??, upTo: Int?, statusWritten: Bool,
                         stateWritten: Bool = false) {
        let (ready, changed) = shared.withLock { s -> ([JournalWaiter], Bool) in
            let changed = s.faults != faults
            s.faults = faults
            if let stateError { s.stateError = stateError }
            if stateWritten { s.statesWritten += 1 }
            guard let upTo else { return ([], changed) }
            s.written = max(s.written, upTo)
            if statusWritten { s.settled = max(s.settled, upTo); s.batches += 1 }
            var ready: [JournalWaiter] = []
            s.waiters.removeAll { w in
                guard w.sequence <= upTo, statusWritten || !w.wholeBatch else { return false }
                ready.append(w)
                return true
            }
            return (ready, changed)
        }
        if changed { faultsChanged() }
        let error = shared.withLock { $0.stateError }
        for w in ready { w.continuation.resume(returning: error) }
    }
}
