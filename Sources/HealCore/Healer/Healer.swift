import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The one owner of the healer's state. The monitor loop, the log follower and the HTTP handlers
/// all go through it; it asks the pure `Policy`, has the state saved before any action starts,
/// runs actions through `GatewayControl` (or only plans them in dry run), and records every
/// decision in the audit log, heal events in the metrics file and the snapshot in the status file.
/// The files are written by the `Journal`, off the actor: the actor hands it values and awaits
/// it only where an action must not start before the state is on disk.
///
/// File write failures never stop it: they show as faults in the snapshot. If the state cannot be
/// saved, disruptive actions are refused until it can (acting on state that a restart of the
/// healer would forget is how the seed's restart loop happened).
public actor Healer {
    public internal(set) var config: HealConfig { didSet { revision &+= 1 } }
    public internal(set) var lastTickAt: Date? { didSet { revision &+= 1 } }
    /// Bumped by every change a snapshot could show; keys the encoded-snapshot cache.
    var revision = 0 { didSet { statusBoard.invalidate() } }
    /// The rendered `/status` bodies, served without awaiting the actor (see `renderedStatus`).
    nonisolated let statusBoard: StatusBoard
    /// Writes the state, the audit log, the metrics file and the status file off the actor.
    public nonisolated let journal: Journal

    let control: any GatewayControl
    let clock: any HealClock
    let version: String
    let pid: Int32
    let startedAt: Date
    /// Policy time: monotonic within this run (see `SteadyTime`).
    let steady: SteadyTime
    /// Gateway restarts running in the background (they may take minutes), by incident.
    var backgroundActions: [String: Task<Void, Never>] = [:]

    var state = HealState() { didSet { revision &+= 1 } }
    var paths: HealPaths
    var counters = HealCounters() { didSet { revision &+= 1 } }
    var lastTickDurationMs = 0 { didSet { revision &+= 1 } }
    var lastTickActed = false
    var lastGateway: GatewayObservation? { didSet { revision &+= 1 } }
    /// Sessions seen at the last tick; failure events between ticks repin from these.
    var lastSessions: [SessionPin] = []
    /// `openclaw.json` as last observed. Before the first observation the guard is closed: nothing
    /// says the config is good yet.
    var lastConfigFile: ConfigFileObservation = .invalid(ActionGuard.notObservedYet)
    /// The config's files as last observed (top file and includes, with digests).
    var lastConfigFiles = ConfigFileSet()
    /// The CLI wrote OpenClaw's config on the healer's behalf (a plugin disable) since the last
    /// observation: a change of the bytes is then ours.
    var configWrittenForUs = false
    /// The include problem last recorded, so it is recorded once per change.
    var reportedIncludeProblem: String?
    var observationFaults: [String: String] = [:] { didSet { revision &+= 1 } }
    var fileFaults: [String: String] = [:] { didSet { revision &+= 1 } }
    /// Why the last state save failed (nil: it worked).
    var stateSaveError: String? { journal.stateError }
    /// The outbox the decided messages go to (nil: notifications are off, they stay in the state).
    var noticeSink: (any NoticeSink)?
    /// Delivery figures pushed by the notifier, shown in the snapshot.
    var notifyTargets: [NotifyTargetStatus] = [] { didSet { revision &+= 1 } }
    var heartbeat: HeartbeatStatus? { didSet { revision &+= 1 } }
    /// Whether `load()` ran; every entry point loads first, so a forgotten `load()` never
    /// overwrites a saved state with a fresh one.
    var loaded = false

    public init(config: HealConfig, control: any GatewayControl, clock: any HealClock, version: String, pid: Int32) {
        self.config = config
        self.control = control
        self.clock = clock
        self.version = version
        self.pid = pid
        self.startedAt = clock.now()
        self.steady = SteadyTime(clock: clock)
        self.paths = HealPaths(config: config)
        let board = StatusBoard()
        self.statusBoard = board
        self.journal = Journal(faultsChanged: { board.invalidate() })
    }

    /// The time the policy decides with: wall time at start plus monotonic time since.
    func policyNow() -> Date { steady.now(clock) }

    /// Waits until every background action has finished and been recorded, its files written
    /// (tests, diagnostics).
    public func settleBackgroundActions() async {
        while let (_, task) = backgroundActions.first {
            await task.value
        }
        _ = await journal.drained()
    }

    /// Trivially true: answering at all proves the actor is not wedged (the watchdog asks).
    public func ping() -> Bool { true }

    /// The resolved file paths in use.
    public var files: HealPaths { paths }

    /// A copy of the current state (for tests and diagnostics).
    public var currentState: HealState { state }

    /// Loads the saved state. A corrupt or unreadable file is moved aside and the healer starts
    /// clean; actions that were in flight when the healer last stopped are recorded as interrupted.
    /// Returns notes for the log.
    public func load() -> [String] {
        loaded = true
        let now = clock.now()
        let result = StateStore(path: paths.stateFile).load(now: now)
        state = result.state
        var notes = result.notes
        let interrupted = state.inFlight
        var records: [AuditRecord] = []
        for f in interrupted {
            notes.append("action interrupted by the last stop: \(f.summary) (incident \(f.incident))")
            records.append(AuditRecord(time: now, incident: f.incident, rule: f.rule,
                              trigger: "healer stopped before the outcome was recorded",
                              evidence: ["started \(Timestamps.iso(f.startedAt))"],
                              action: .init(kind: f.kind, summary: f.summary, plan: nil), dryRun: f.dryRun,
                              outcome: .interrupted, detail: "outcome unknown; the next ticks re-observe and re-decide"))
        }
        state.inFlight = []
        records.append(AuditRecord(time: now, incident: "-", rule: "healer-lifecycle", trigger: "healer started",
                                   evidence: ["version \(version), pid \(pid)"] + notes, action: nil, dryRun: config.dryRun,
                                   outcome: .started, detail: result.startedClean ? "started clean" : "state loaded"))
        // Written at once and in this order: the interrupted records are on disk before the state
        // that no longer lists the actions (a kill in between must not lose them).
        let rotation = LogRotation(config.retention)
        let mustSave = result.startedClean || !interrupted.isEmpty || !FileManager.default.fileExists(atPath: paths.stateFile)
        journal.writeNow(audit: records.map { ($0, paths.auditFile, rotation) },
                         state: mustSave ? (state, paths.stateFile) : nil)
        return notes
    }

    /// Saves the state and the audit record of the stop.
    public func recordShutdown(reason: String) async {
        ensureLoaded()
        // The last state and status file first, drained, and only then the stop record: the
        // journal may write a record the moment it is handed over, and nothing may follow it.
        persist(whole: true)
        writeStatusFile()
        _ = await journal.drained()
        let now = clock.now()
        audit(AuditRecord(time: now, incident: "-", rule: "healer-lifecycle", trigger: "healer stopping",
                          evidence: [reason], action: nil, dryRun: config.dryRun, outcome: .stopped,
                          detail: "uptime \(Int(now.timeIntervalSince(startedAt))) s"))
        _ = await journal.drained()
    }

    /// Audit records newer than `since`, at most `limit`, newest last (records handed to the
    /// journal before the call included).
    public func auditRecords(since: Date?, limit: Int) async -> [AuditRecord] {
        _ = await journal.durable()
        do {
            let records = try AuditLog(path: paths.auditFile, rotation: LogRotation(config.retention)).read(since: since, limit: limit)
            fileFaults["audit-read"] = nil
            return records
        } catch {
            fileFaults["audit-read"] = error.description
            return []
        }
    }

    /// Whether the healer itself is fine: a tick within twice the interval (or still starting up)
    /// and a writable state directory whose last save worked.
    public var healthDetail: HealerHealth {
        let now = clock.now()
        let interval = config.monitor.intervalSec
        var reasons: [String] = []
        let age = lastTickAt.map { Int(now.timeIntervalSince($0)) }
        let reference = lastTickAt ?? startedAt
        if now.timeIntervalSince(reference) > TimeInterval(2 * interval) {
            reasons.append(lastTickAt == nil
                ? "no tick since the start \(Int(now.timeIntervalSince(startedAt))) s ago"
                : "last tick \(age ?? 0) s ago (interval \(interval) s)")
        }
        let dir = paths.stateDirectory
        let writable = Self.canWrite(in: dir)
        if !writable { reasons.append("state directory \(dir) is not writable") }
        if let e = stateSaveError { reasons.append("saving the state failed: \(e)") }
        return HealerHealth(ok: reasons.isEmpty, reasons: reasons, lastTickAt: lastTickAt, lastTickAgeSec: age,
                            tickIntervalSec: interval, stateDirectory: dir, stateDirectoryWritable: writable,
                            stateSaveError: stateSaveError)
    }

    func ensureLoaded() {
        if !loaded { _ = load() }
    }

    /// Whether files can be created in `dir`, or, while it does not exist yet, in its nearest
    /// existing ancestor (the first save creates it).
    static func canWrite(in dir: String) -> Bool {
        var path = dir
        while !FileManager.default.fileExists(atPath: path) {
            let parent = path.deletingLastPathComponent
            if parent == path || parent.isEmpty { return false }
            path = parent
        }
        return access(path, W_OK | X_OK) == 0
    }

    /// Hands the state to the journal to be saved; a failure shows as a fault and in `/health`.
    /// `whole`: see `Journal.submit(state:path:whole:)`.
    func persist(whole: Bool = false) {
        journal.submit(state: state, path: paths.stateFile, whole: whole)
    }

    /// Hands the state to the journal and waits until it is on disk. Returns whether it worked.
    func persistDurably() async -> Bool {
        persist()
        return await journal.durable() == nil
    }

    /// Hands an audit record to the journal (written in order, fsync'd with its batch).
    func audit(_ record: AuditRecord) {
        journal.submit(audit: record, path: paths.auditFile, rotation: LogRotation(config.retention))
    }
}
