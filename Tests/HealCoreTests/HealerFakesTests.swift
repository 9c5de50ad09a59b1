import Foundation
@testable import HealCore

// Test doubles for the Healer tests (named *Tests.swift to sit with the tests it serves).

/// A settable clock.
final class TestClock: HealClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    init(_ start: Date = t0) { current = start }
    func now() -> Date { lock.withLock { current } }
    func set(_ date: Date) { lock.withLock { current = date } }
    func advance(_ seconds: Double) { lock.withLock { current = current.addingTimeInterval(seconds) } }
}

/// A `GatewayControl` that records every call and, at each call, what the state file held then.
final class RecordingControl: GatewayControl, @unchecked Sendable {
    struct Call {
        var action: HealAction
        /// The state file's content when the action started.
        var savedState: HealState?
    }

    private let lock = NSLock()
    private var _calls: [Call] = []
    private var _plans: [HealAction] = []
    let stateFile: String
    /// Decides each outcome (default: success; probes pass).
    let respond: @Sendable (HealAction) -> ActionOutcome

    init(stateFile: String, respond: @escaping @Sendable (HealAction) -> ActionOutcome = RecordingControl.succeed) {
        self.stateFile = stateFile
        self.respond = respond
    }

    static let succeed: @Sendable (HealAction) -> ActionOutcome = { action in
        if case .probeModel(let m) = action { return ActionOutcome(ok: true, detail: "pong", probe: ProbeResult(model: m, ok: true, latencyMs: 420)) }
        return ActionOutcome(ok: true, detail: "done")
    }

    var calls: [Call] { lock.withLock { _calls } }
    var actions: [HealAction] { calls.map(\.action) }
    var plannedActions: [HealAction] { lock.withLock { _plans } }

    func plan(_ action: HealAction, config: HealConfig) -> ActionPlan {
        lock.withLock { _plans.append(action) }
        switch action {
        case .restartGateway: return ActionPlan(argv: [[config.openclaw.bin, "gateway", "restart"]])
        case .disableCron(let id, _): return ActionPlan(argv: [[config.openclaw.bin, "cron", "disable", id]])
        case .disablePlugin(let id): return ActionPlan(argv: [[config.openclaw.bin, "plugins", "disable", id]])
        case .repinSession(let key, _, let to):
            return ActionPlan(argv: [[config.openclaw.bin, "gateway", "call", "sessions.patch", "--params",
                                      "{\"key\":\"\(key)\",\"model\":\"\(to)\"}", "--json"]])
        case .clearSessionPin(let key, _):
            return ActionPlan(argv: [[config.openclaw.bin, "gateway", "call", "sessions.patch", "--params",
                                      "{\"key\":\"\(key)\",\"model\":null}", "--json"]])
        case .probeModel(let m):
            return ActionPlan(argv: [[config.openclaw.bin, "infer", "model", "run", "--local", "--model", m, "--json"]])
        case .fileIssue(let i): return ActionPlan(argv: [["gh", "issue", "create", "-R", i.repo, "--title", i.title, "--body", i.body]])
        case .restartChannel(let channel, let account, _, _):
            return ActionPlan(argv: [[config.openclaw.bin, "gateway", "call", "channels.stop", "--params",
                                      "{\"accountId\":\"\(account)\",\"channel\":\"\(channel)\"}", "--json"]])
        }
    }

    func execute(_ action: HealAction, config: HealConfig) async -> ActionOutcome {
        let saved = (try? Data(contentsOf: URL(fileURLWithPath: stateFile))).flatMap {
            try? StateStore.decoder().decode(HealState.self, from: $0)
        }
        lock.withLock { _calls.append(Call(action: action, savedState: saved)) }
        return respond(action)
    }
}

/// A temporary directory with a config pointing every file into it.
struct HealerSandbox {
    let dir: String
    var config: HealConfig

    init(_ name: String = #function, _ change: (inout HealConfig) -> Void = { _ in }) {
        let dir = makeTempDir(name)
        self.dir = dir
        config = makeConfig {
            $0.stateFile = "\(dir)/state/self-heal-state.json"
            $0.statusFile = "\(dir)/status/self-heal-status.json"
            $0.metricsFile = "\(dir)/aahp/metrics.jsonl"
            $0.configFile = "\(dir)/openclaw.json"
            $0.configBackupsDir = "\(dir)/backups"
        }
        change(&config)
    }

    var stateFile: String { config.stateFile }
    var auditFile: String { "\(dir)/state/self-heal-audit.jsonl" }

    func lines(_ path: String) -> [String] {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    func metrics() -> [[String: Any]] {
        lines(config.metricsFile).compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    func cleanup() { removeTemp(dir) }
}

/// WhatsApp down ticks that restart at once (threshold 1, no grace).
func eagerRestarts(_ c: inout HealConfig) {
    c.autoFix.whatsappDisconnectThreshold = 1
    c.openclaw.channelRestartGraceSec = 0
    c.autoFix.whatsappMinRestartIntervalSec = 60
}
