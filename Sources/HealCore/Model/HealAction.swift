/// Something the healer does to the gateway. The policy decides them; a `GatewayControl` carries
/// them out (or, in dry run, only describes them).
public enum HealAction: Sendable, Equatable, Codable {
    case restartGateway(reason: String)
    case disableCron(id: String, name: String)
    case disablePlugin(id: String)
    /// Set a session's pin to `to`; `from` is what it was.
    case repinSession(key: String, from: ModelID, to: ModelID)
    /// Put a repinned session back on its original model `to` once that model has recovered: the
    /// same patch as a repin, told apart so that its success can end the healer's memory of the pin.
    case restoreSessionPin(key: String, from: ModelID, to: ModelID)
    /// Clear a session's pin (`sessions.patch` with `model: null`): back to the agent's default,
    /// the restore of a session that had no pin before the healer moved it.
    case clearSessionPin(key: String, from: ModelID)
    case probeModel(model: ModelID)
    case fileIssue(IssueRequest)
    /// `channels.stop` then `channels.start` for one account (`stopFirst` false: only start it,
    /// for an account the crash-loop breaker left stopped).
    case restartChannel(channel: String, accountId: String, stopFirst: Bool, reason: String)

    /// Whether the action changes the gateway (and so needs a valid `openclaw.json`, a config backup
    /// and the state saved first).
    public var isDisruptive: Bool {
        switch self {
        case .restartGateway, .disableCron, .disablePlugin, .repinSession, .restoreSessionPin, .clearSessionPin,
             .restartChannel: return true
        case .probeModel, .fileIssue: return false
        }
    }

    /// Short name used in metrics labels and the audit log.
    public var kind: String {
        switch self {
        case .restartGateway: return "restart_gateway"
        case .disableCron: return "disable_cron"
        case .disablePlugin: return "disable_plugin"
        case .repinSession, .restoreSessionPin: return "repin_session"
        case .clearSessionPin: return "clear_session_pin"
        case .probeModel: return "probe_model"
        case .fileIssue: return "file_issue"
        case .restartChannel(_, _, let stopFirst, _): return stopFirst ? "restart_channel" : "start_channel"
        }
    }
}

public struct IssueRequest: Sendable, Equatable, Codable {
    public var repo: String
    public var title: String
    public var body: String
    public var labels: [String]
    /// What the issue is about (`cron:<id>`, `plugin:<id>`), so a failed filing can give the
    /// cooldown back to that job or plugin.
    public var subject: String?
    public init(repo: String, title: String, body: String, labels: [String], subject: String? = nil) {
        self.repo = repo; self.title = title; self.body = body; self.labels = labels; self.subject = subject
    }
}

/// What an action will do, exactly: the argv of each command in order, or a file patch.
public struct ActionPlan: Sendable, Equatable, Codable {
    public var argv: [[String]]
    public var filePatch: String?
    public init(argv: [[String]], filePatch: String? = nil) { self.argv = argv; self.filePatch = filePatch }
}

public struct ActionOutcome: Sendable, Equatable, Codable {
    public var ok: Bool
    public var detail: String
    /// Set for `.probeModel`.
    public var probe: ProbeResult?
    /// The command did not say it worked but the action may still take effect (a gateway restart
    /// still starting, or one that ran past our timeout): only observing the gateway can tell.
    public var pending: Bool = false
    /// The gateway does not know the RPC (`channels.start`/`channels.stop` on older versions).
    public var unsupported: Bool = false
    public init(ok: Bool, detail: String, probe: ProbeResult? = nil) {
        self.ok = ok; self.detail = detail; self.probe = probe
    }
}
