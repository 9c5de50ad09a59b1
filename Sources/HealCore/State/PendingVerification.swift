import FoundationEssentials

/// A disruptive action whose effect the healer has yet to see. Checked on every tick until it is
/// `verified` or, past `deadline`, `did-not-help`.
public struct PendingVerification: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
        case gatewayRestart = "gateway-restart"
        case channelRestart = "channel-restart"
        case channelStart = "channel-start"
        case cronDisable = "cron-disable"
        case pluginDisable = "plugin-disable"
    }

    public var kind: Kind
    public var incident: String
    /// The rule that decided the action.
    public var rule: String
    /// What was acted on: "gateway", "whatsapp:<account>", a cron job id, a plugin id.
    public var target: String
    public var startedAt: Date
    public var deadline: Date
    /// The gateway's boot when the action was decided: a restart is seen by a change of either.
    public var pidBefore: Int?
    public var startedAtBefore: Date?
    /// The command returned (a gateway restart runs in the background; until it returns, only a
    /// new boot can verify it).
    public var commandDone: Bool
    /// What the command said: executed, failed, under-way, unknown, unsupported.
    public var commandOutcome: AuditOutcome?
    /// A plugin disabled in the config whose gateway has not restarted yet.
    public var awaitingNextStart: Bool
    public var dryRun: Bool

    public init(kind: Kind, incident: String, rule: String, target: String, startedAt: Date, deadline: Date,
                pidBefore: Int? = nil, startedAtBefore: Date? = nil, commandDone: Bool = false,
                commandOutcome: AuditOutcome? = nil, awaitingNextStart: Bool = false, dryRun: Bool = false) {
        self.kind = kind; self.incident = incident; self.rule = rule; self.target = target
        self.startedAt = startedAt; self.deadline = deadline; self.pidBefore = pidBefore
        self.startedAtBefore = startedAtBefore; self.commandDone = commandDone
        self.commandOutcome = commandOutcome; self.awaitingNextStart = awaitingNextStart; self.dryRun = dryRun
    }

    /// Gateway and channel restarts block any further restart until they are judged.
    public var isRestart: Bool { kind == .gatewayRestart || kind == .channelRestart || kind == .channelStart }
}
