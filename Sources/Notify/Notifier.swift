import FoundationEssentials
import Glibc
import HealCore
import OpenClawKit
import Synchronization

/// The durable outbox of every target, and the `NoticeSink` the healer hands its messages to:
/// each message goes to the targets whose `minSeverity` it reaches, is saved in their outbox files
/// (fsync) before `accept` returns, and is delivered by that target's worker, in order, with
/// retries. Figures and drops are reported through the callbacks (to the healer's snapshot and
/// audit log).
public final class Notifier: NoticeSink, Sendable {
    public typealias StatusCallback = @Sendable ([NotifyTargetStatus], HeartbeatStatus?) async -> Void
    public typealias DropCallback = @Sendable (_ target: String, _ entry: OutboxEntry) async -> Void

    let directory: String
    let runner: CommandRunner
    let userAgent: String
    let host: String
    let workers = Mutex<[TargetWorker]>([])
    let heartbeat = Mutex<HeartbeatPinger?>(nil)
    let onStatus: StatusCallback
    let onDrop: DropCallback
    let healthy: @Sendable () async -> Bool
    let notes = Mutex<[String]>([])

    /// - Parameter directory: where the outbox files live (`<state dir>/notify-outbox`).
    /// - Parameter healthy: whether the heartbeat may be sent now.
    public init(directory: String, runner: CommandRunner, userAgent: String, healthy: @escaping @Sendable () async -> Bool,
                onStatus: @escaping StatusCallback, onDrop: @escaping DropCallback) {
        self.directory = directory; self.runner = runner; self.userAgent = userAgent; self.healthy = healthy
        self.host = Self.hostName()
        self.onStatus = onStatus; self.onDrop = onDrop
    }

    /// Notes for the log (an outbox moved aside).
    public func takeNotes() -> [String] { notes.withLock { n in defer { n = [] }; return n } }

    /// Sets up (or, on reload, updates) the targets. A target kept across a reload keeps its queue
    /// and its worker; a new one starts; a removed one stops (its file stays on disk).
    public func apply(_ resolved: ResolvedNotify, config: HealConfig.Notify) async {
        let transport = CurlTransport(runner: runner, caFile: config.caFile, timeoutSec: config.timeoutSec, userAgent: userAgent)
        let scrubber = SecretScrubber(secrets: resolved.allSecrets)
        var started: [TargetWorker] = []
        var removed: [TargetWorker] = []
        workers.withLock { current in
            var next: [TargetWorker] = []
            for t in resolved.targets {
                let settings = TargetWorker.Settings(target: t, transport: transport, scrubber: scrubber,
                                                     maxAge: TimeInterval(config.maxAgeSec), host: host)
                if let existing = current.first(where: { $0.name == t.name }) {
                    existing.settings.withLock { $0 = settings }
                    next.append(existing)
                } else {
                    let w = TargetWorker(path: "\(directory)/\(t.name).json", settings: settings) { note in
                        self.notes.withLock { $0.append(note) }
                    }
                    next.append(w); started.append(w)
                }
            }
            removed = current.filter { w in !next.contains { $0 === w } }
            current = next
        }
        for w in removed { await w.stop() }
        for w in started {
            w.start(onChange: { [self] in await publish() },
                    onDrop: { [onDrop] target, entry in await onDrop(target, entry) })
        }
        let old = heartbeat.withLock { h -> HeartbeatPinger? in
            defer { h = nil }
            return h
        }
        await old?.stop()
        if let url = resolved.heartbeatURL {
            let pinger = HeartbeatPinger(url: url, intervalSec: config.heartbeat.intervalSec, transport: transport,
                                         scrubber: scrubber, healthy: healthy, onChange: { [self] in await publish() })
            heartbeat.withLock { $0 = pinger }
            pinger.start()
        }
        await publish()
    }

    public func accept(_ notices: [IncidentNotice]) -> Set<String> {
        let now = Date()
        var ok = true
        for w in workers.withLock({ $0 }) {
            let min = w.settings.withLock { $0.target.target.minSeverity }
            let mine = notices.filter { $0.severity >= min }
            if !mine.isEmpty && !w.enqueue(mine, now: now) { ok = false }
        }
        if ok { Task { await publish() } }
        return ok ? Set(notices.map(\.id)) : []
    }

    /// Current figures of every target and the heartbeat.
    public func status() -> ([NotifyTargetStatus], HeartbeatStatus?) {
        (workers.withLock { $0 }.map { $0.status() }, heartbeat.withLock { $0 }?.status())
    }

    func publish() async {
        let (targets, hb) = status()
        await onStatus(targets, hb)
    }

    /// Stops every worker after its attempt under way, and the heartbeat.
    public func stop() async {
        let all = workers.withLock { $0 }
        await withTaskGroup(of: Void.self) { group in
            for w in all { group.addTask { await w.stop() } }
        }
        let h = heartbeat.withLock { $0 }
        await h?.stop()
    }

    /// One test message to each target (or the one named), sent now, not through the outbox.
    public static func sendTest(_ resolved: ResolvedNotify, config: HealConfig.Notify, only: String?, runner: CommandRunner,
                                userAgent: String, now: Date = Date()) async -> [(name: String, outcome: CurlTransport.Outcome)] {
        let transport = CurlTransport(runner: runner, caFile: config.caFile, timeoutSec: config.timeoutSec, userAgent: userAgent)
        let scrubber = SecretScrubber(secrets: resolved.allSecrets)
        let host = hostName()
        var out: [(String, CurlTransport.Outcome)] = []
        for t in resolved.targets where only == nil || t.name == only {
            let notice = IncidentNotice(
                id: "test-\(Int(now.timeIntervalSince1970))/\(t.name)", incident: "test-\(Int(now.timeIntervalSince1970))",
                event: .test, severity: .info, rule: "notify-test", title: "Test message from openclaw-self-heal",
                summary: "If you read this, target \(t.name) works. Nothing is wrong.", evidence: [],
                startedAt: now, dryRun: false, createdAt: now)
            out.append((t.name, await transport.send(NotifyPayload.request(for: notice, target: t, host: host), scrubber: scrubber)))
        }
        return out
    }

    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
