import FoundationEssentials

/// What the healer remembers about its disruptive actions beyond the restart budget: the ones
/// still being verified, their verdicts, the gateway's boots (OpenClaw's crash-loop breaker),
/// flapping, the WhatsApp ladder, and the dry-run budget.
public struct DisruptiveState: Sendable, Equatable, Codable {
    public var verifications: [PendingVerification]
    /// Verdicts so far, by `<kind> <verified|did-not-help>` (kept across restarts for `/status`).
    public var tally: [String: Int]
    /// The last verdicts, newest last (at most `recentLimit`).
    public var recent: [VerificationVerdict]
    /// Gateway boots seen (or caused) within the breaker window, oldest first.
    public var boots: [Date]
    /// A restart of ours whose boot has not been seen yet (counted in `boots` already).
    public var provisionalBoot: Date?
    public var lastPid: Int?
    public var lastStartedAt: Date?
    public var gatewayFlap: FlapTracker
    public var whatsappFlap: FlapTracker
    /// The gateway condition last reported (stopped-by-owner, failed, suspended, safe-mode), so
    /// each is said once per episode.
    public var gatewayCondition: String?
    public var ladder: WhatsAppLadder
    /// Restarts planned in dry run: they never spend the real budget.
    public var dryRunBudget: RestartBudgetState
    /// A gateway restart did not help: no further one until the gateway is seen up again.
    public var gatewayRestartExhausted: Bool = false
    /// Refusal condition last written to the audit log, per rule and target (see `RefusalNoise`).
    public var refusals: [String: String]

    public static let recentLimit = 20

    public init() {
        verifications = []; tally = [:]; recent = []; boots = []; provisionalBoot = nil
        lastPid = nil; lastStartedAt = nil; gatewayFlap = FlapTracker(); whatsappFlap = FlapTracker()
        gatewayCondition = nil; ladder = WhatsAppLadder(); dryRunBudget = RestartBudgetState(); refusals = [:]
    }
}

/// One judged action.
public struct VerificationVerdict: Sendable, Equatable, Codable {
    public var kind: String
    public var target: String
    public var incident: String
    /// verified | did-not-help
    public var result: String
    public var at: Date
    public var detail: String
    public init(kind: String, target: String, incident: String, result: String, at: Date, detail: String) {
        self.kind = kind; self.target = target; self.incident = incident; self.result = result; self.at = at
        self.detail = detail
    }
}

/// The steps taken for the current WhatsApp outage: a channel stop/start first, then a gateway
/// restart, then a human.
public struct WhatsAppLadder: Sendable, Equatable, Codable {
    public enum Step: String, Sendable, Equatable, Codable {
        /// Nothing tried yet.
        case none
        /// The channel restart did not help (or is unsupported): a gateway restart is next.
        case gatewayNext = "gateway-next"
        /// Both were tried: the outage is a human's now.
        case exhausted
    }
    public var step: Step
    /// The gateway answered that `channels.start`/`channels.stop` are unknown (older versions).
    public var channelLifecycleUnsupported: Bool
    /// The incident the outage's steps share.
    public var incident: String?
    /// A `channels.start` made for this safe-mode episode.
    public var safeModeStartTried: Bool

    public init(step: Step = .none, channelLifecycleUnsupported: Bool = false, incident: String? = nil,
                safeModeStartTried: Bool = false) {
        self.step = step; self.channelLifecycleUnsupported = channelLifecycleUnsupported; self.incident = incident
        self.safeModeStartTried = safeModeStartTried
    }
}
