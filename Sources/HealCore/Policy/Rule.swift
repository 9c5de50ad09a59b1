/// The names rules put in `Decision.rule` (and so in the audit log).
public enum Rule {
    public static let modelCooldown = "model-cooldown"
    public static let modelCooldownExtended = "model-cooldown-extended"
    public static let lastModelKept = "model-cooldown-skipped"
    public static let modelRecovered = "model-recovered"
    public static let modelProbe = "model-probe"
    public static let sessionRepin = "session-repin"
    public static let sessionRestore = "session-restore"
    public static let sessionPinForgotten = "session-pin-forgotten"
    public static let whatsappRestart = "whatsapp-restart"
    public static let whatsappAlert = "whatsapp-alert"
    public static let gatewayRestart = "gateway-restart"
    public static let restartBudgetPaused = "restart-budget-paused"
    public static let restartBudgetResumed = "restart-budget-resumed"
    public static let cronDisable = "cron-disable"
    public static let cronIssue = "cron-issue"
    public static let cronAlert = "cron-alert"
    public static let cronReport = "cron-report"
    public static let pluginDisable = "plugin-disable"
    public static let pluginIssue = "plugin-issue"
    public static let pluginAlert = "plugin-alert"
}

extension Rule {
    /// A WhatsApp account stopped and started again (`channels.stop` + `channels.start`).
    public static let channelRestart = "channel-restart"
    /// A stopped account started while the gateway is in safe mode (`channels.start`).
    public static let channelStart = "channel-start"
    /// The gateway unit is inactive (stopped on purpose): never started by the healer.
    public static let gatewayStoppedByOwner = "gateway-stopped-by-owner"
    /// systemd gave up on the gateway unit.
    public static let gatewayFailed = "gateway-failed"
    /// A suspend lease or an update in progress: the gateway is left alone.
    public static let gatewaySuspended = "gateway-suspended"
    /// OpenClaw's crash-loop breaker holds the gateway in safe mode.
    public static let gatewaySafeMode = "gateway-safe-mode"
    /// RPC answers but `/healthz` is refused or slow: a probe fault, not an outage.
    public static let gatewayProbeFault = "gateway-probe-fault"
    /// A disruptive action showed its effect.
    public static let actionVerified = "action-verified"
    /// A disruptive action showed no effect within its window.
    public static let actionDidNotHelp = "action-did-not-help"
    public static let whatsappFlapping = "whatsapp-flapping"
    public static let gatewayFlapping = "gateway-flapping"
    /// Flapping ended after the quiet period.
    public static let flappingEnded = "flapping-ended"
}
