import FoundationEssentials
import Glibc
import HealCore

/// One target's queue on disk: `<dir>/<target>.json`, rewritten whole with `AtomicFile` (temp
/// file, fsync, rename, directory fsync) on every change, so a crash leaves the old queue or the
/// new one. A message is on disk before any delivery of it is tried; the ids of messages already
/// delivered or dropped are remembered (the last `recentLimit`) so a replay is not queued twice.
public struct Outbox: Sendable, Equatable, Codable {
    public static let version = 1
    public static let recentLimit = 1000

    public var version: Int
    public var pending: [OutboxEntry]
    public var recent: [String]
    public var delivered: Int
    public var failed: Int
    public var dropped: Int
    public var lastError: String?
    public var lastErrorAt: Date?
    public var lastSuccessAt: Date?

    public init() {
        version = Self.version; pending = []; recent = []; delivered = 0; failed = 0; dropped = 0
    }

    /// Whether the message with this id is queued or was already handled.
    public func holds(_ id: String) -> Bool { recent.contains(id) || pending.contains { $0.notice.id == id } }

    /// Queues the notices not held yet, in order; returns how many were new.
    public mutating func enqueue(_ notices: [IncidentNotice], now: Date) -> Int {
        var added = 0
        for n in notices where !holds(n.id) {
            pending.append(OutboxEntry(notice: n, queuedAt: now, attempts: 0, nextAttemptAt: now))
            added += 1
        }
        return added
    }

    mutating func remember(_ id: String) {
        recent.append(id)
        if recent.count > Self.recentLimit { recent.removeFirst(recent.count - Self.recentLimit) }
    }

    /// The head was delivered.
    public mutating func delivered(at now: Date) {
        guard !pending.isEmpty else { return }
        remember(pending.removeFirst().notice.id)
        delivered += 1
        lastSuccessAt = now
    }

    /// The head failed: retried after a backoff doubling from 5 s to at most 5 min.
    public mutating func failed(at now: Date, error: String) {
        guard !pending.isEmpty else { return }
        pending[0].attempts += 1
        pending[0].lastError = error
        pending[0].nextAttemptAt = now.addingTimeInterval(Self.backoff(attempts: pending[0].attempts))
        failed += 1
        lastError = error
        lastErrorAt = now
    }

    public static func backoff(attempts: Int) -> TimeInterval {
        min(300, 5 * pow(2, Double(max(0, min(attempts, 10) - 1))))
    }

    /// Drops the messages older than `maxAge`; returns them (each gets an audit record).
    public mutating func dropExpired(now: Date, maxAge: TimeInterval) -> [OutboxEntry] {
        let expired = pending.filter { now.timeIntervalSince($0.queuedAt) > maxAge }
        guard !expired.isEmpty else { return [] }
        pending.removeAll { now.timeIntervalSince($0.queuedAt) > maxAge }
        for e in expired { remember(e.notice.id) }
        dropped += expired.count
        return expired
    }

    // MARK: file

    public static func load(path: String) -> (Outbox, String?) {
        guard FileManager.default.fileExists(atPath: path) else { return (Outbox(), nil) }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let box = try JSONFile.decoder().decode(Outbox.self, from: data)
            guard box.version == version else { throw CocoaError(.fileReadCorruptFile) }
            return (box, nil)
        } catch {
            // Keep the evidence; start an empty queue rather than refuse to notify at all.
            let aside = "\(path).corrupt-\(Timestamps.compact(Date()))"
            _ = rename(path, aside)
            return (Outbox(), "outbox \(path) was unreadable (\(error.plainDescription)); moved aside to \(aside)")
        }
    }

    public func save(path: String) throws(FileSystemError) {
        try JSONFile.save(self, what: "outbox", to: path)
    }
}
