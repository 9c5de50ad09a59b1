import Foundation
@testable import HealCore

/// A `GatewayControl` that records every call and, at each call, what the state file held then.
public final class RecordingControl: GatewayControl, @unchecked Sendable {
    public struct Call {
        public var action: HealAction
        /// The state file's content when the action started.
        public var savedState: HealState?
    }

    private let lock = NSLock()
    private var _calls: [Call] = []
    private var _plans: [HealAction] = []
    public let stateFile: String
    /// Decides each outcome (default: success; probes pass).
    public let respond: @Sendable (HealAction) -> ActionOutcome

    public init(stateFile: String, respond: @escaping @Sendable (HealAction) -> ActionOutcome = RecordingControl.succeed) {
        self.stateFile = stateFile
        self.respond = respond
    }

    public static let succeed: @Sendable (HealAction) -> ActionOutcome = { action in
        if case .probeModel(let m) = action { return ActionOutcome(ok: true, detail: "pong", probe: ProbeResult(model: m, ok: true, latencyMs: 420)) }
        return ActionOutcome(ok: true, detail: "done")
    }

    public var calls: [Call] { lock.withLock { _calls } }
    public var actions: [HealAction] { calls.map(\.action) }
    public var plannedActions: [HealAction] { lock.withLock { _plans } }

    public func plan(_ action: HealAction, config: HealConfig) -> ActionPlan {
        lock.withLock { _plans.append(action) }
        switch action {
        case .restartGateway: return ActionPlan(argv: [[config.openclaw.bin, "gateway", "restart"]])
        case .disableCron(let id, _): return ActionPlan(argv: [[config.openclaw.bin, "cron", "disable", id]])
        case .disablePlugin(let id): return ActionPlan(argv: [[config.openclaw.bin, "plugins", "disable", id]])
        case .repinSession(let key, _, let to), .restoreSessionPin(let key, _, let to):
            return ActionPlan(argv: [[config.openclaw.bin, "gateway", "call", "sessions.patch", "--params",
                                      "{\"key\":\"\(key)\",\"model\":\"\(to)\"}", "--json"]])
        case .clearSessionPin(let key, _):
            return ActionPlan(argv: [[config.openclaw.bin, "gateway", "call", "sessions.patch", "--params",
                                      "{\"key\":\"\(key)\",\"model\":null}", "--json"]])
        case .probeModel(let m):
            return ActionPlan(argv: [[config.openclaw.bin, "infer", "model", "run", "--local", "--model", m.description, "--json"]])
        case .fileIssue(let i): return ActionPlan(argv: [["gh", "issue", "create", "-R", i.repo, "--title", i.title, "--body", i.body]])
        case .restartChannel(let channel, let account, _, _):
            return ActionPlan(argv: [[config.openclaw.bin, "gateway", "call", "channels.stop", "--params",
                                      "{\"accountId\":\"\(account)\",\"channel\":\"\(channel)\"}", "--json"]])
        }
    }

    public func execute(_ action: HealAction, config: HealConfig) async -> ActionOutcome {
        let saved = (try? Data(contentsOf: URL(fileURLWithPath: stateFile))).flatMap {
            try? StateStore.decoder().decode(HealState.self, from: $0)
        }
        lock.withLock { _calls.append(Call(action: action, savedState: saved)) }
        return respond(action)
    }
}
