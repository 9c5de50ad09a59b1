import FoundationEssentials
import HealCore
import OpenClawKit
import Synchronization

/// Delivers one target's outbox in order, off the healer's path: the head is tried, retried with
/// backoff until it is accepted or too old, and only then the next one. Each change of the queue
/// is saved before the worker goes on.
final class TargetWorker: Sendable {
    struct Settings: Sendable {
        var target: ResolvedTarget
        var transport: CurlTransport
        var scrubber: SecretScrubber
        var maxAge: TimeInterval
        var host: String
    }

    let path: String
    let box: Mutex<Outbox>
    let settings: Mutex<Settings>
    let saveError = Mutex<String?>(nil)
    let stopping = Mutex(false)
    let task = Mutex<Task<Void, Never>?>(nil)

    init(path: String, settings: Settings, loadNote: (String) -> Void) {
        self.path = path
        let (outbox, note) = Outbox.load(path: path)
        if let note { loadNote(note) }
        box = Mutex(outbox)
        self.settings = Mutex(settings)
    }

    var name: String { settings.withLock { $0.target.name } }

    /// Queues the notices for this target and saves the queue; on a failed save nothing is kept
    /// (nothing is delivered that is not on disk) and false is returned.
    func enqueue(_ notices: [IncidentNotice], now: Date) -> Bool {
        box.withLock { box in
            var next = box
            guard next.enqueue(notices, now: now) > 0 else { return true }
            do {
                try next.save(path: path)
                box = next
                saveError.withLock { $0 = nil }
                return true
            } catch {
                saveError.withLock { $0 = "\(error)" }
                return false
            }
        }
    }

    func status() -> NotifyTargetStatus {
        let t = settings.withLock { $0.target.target }
        let fault = saveError.withLock { $0 }
        return box.withLock { b in
            func unix(_ d: Date?) -> Int? { d.map { Int($0.timeIntervalSince1970.rounded(.down)) } }
            return NotifyTargetStatus(name: t.name, kind: t.kind.rawValue, minSeverity: t.minSeverity.rawValue,
                                      queued: b.pending.count, delivered: b.delivered, failed: b.failed, dropped: b.dropped,
                                      lastError: fault.map { "outbox not saved: \($0)" } ?? b.lastError,
                                      lastErrorAt: unix(b.lastErrorAt), lastSuccessAt: unix(b.lastSuccessAt),
                                      nextAttemptAt: unix(b.pending.first?.nextAttemptAt))
        }
    }

    func start(onChange: @escaping @Sendable () async -> Void,
               onDrop: @escaping @Sendable (String, OutboxEntry) async -> Void) {
        let t = Task { [self] in await run(onChange: onChange, onDrop: onDrop) }
        task.withLock { $0 = t }
    }

    /// Lets an attempt under way finish (so what was delivered is recorded), then stops.
    func stop() async {
        stopping.withLock { $0 = true }
        let t = task.withLock { $0 }
        await t?.value
    }

    private func run(onChange: @Sendable () async -> Void, onDrop: @Sendable (String, OutboxEntry) async -> Void) async {
        await onChange()
        while !stopping.withLock({ $0 }) {
            let now = Date()
            let s = settings.withLock { $0 }
            let (head, expired) = box.withLock { box -> (OutboxEntry?, [OutboxEntry]) in
                let expired = box.dropExpired(now: now, maxAge: s.maxAge)
                if !expired.isEmpty { try? box.save(path: path) }
                return (box.pending.first, expired)
            }
            for e in expired { await onDrop(s.target.name, e) }
            if !expired.isEmpty { await onChange() }
            guard let head, head.nextAttemptAt <= now else {
                let wait = head.map { min(1, max(0.05, $0.nextAttemptAt.timeIntervalSince(now))) } ?? 1
                try? await Task.sleep(for: .milliseconds(Int(wait * 1000)))
                continue
            }
            let request = NotifyPayload.request(for: head.notice, target: s.target, host: s.host)
            let outcome = await s.transport.send(request, scrubber: s.scrubber)
            box.withLock { box in
                guard box.pending.first?.notice.id == head.notice.id else { return }
                if outcome.ok { box.delivered(at: Date()) } else { box.failed(at: Date(), error: outcome.error ?? "failed") }
                do { try box.save(path: path); saveError.withLock { $0 = nil } } catch { saveError.withLock { $0 = "\(error)" } }
            }
            await onChange()
        }
    }
}
