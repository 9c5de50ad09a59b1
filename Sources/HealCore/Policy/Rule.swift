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
    /// A bundled or channel plugin fails: never disabled by the healer.
    public static let pluginProtected = "plugin-protected"
    /// A plugin reports a status the healer does not know: not loaded, reason unknown.
    public static let pluginStatusUnknown = "plugin-status-unknown"
    /// A cron job failed because its model failed: the model rules handle it, the job is not counted.
    public static let cronModelFailure = "cron-model-failure"
    /// A failure that named no model and no known session: recorded, nothing cooled.
    public static let failureUnattributed = "failure-unattributed"
    /// OpenClaw switched to another auth profile for the same model: recorded, the model not cooled.
    public static let profileRotated = "profile-rotated"
    /// One auth profile of a model is cooling; the model stays available through the others.
    public static let profileCooldown = "profile-cooldown"
    /// A `$include` of OpenClaw's config is missing or broken: disruptive actions refused.
    public static let configIncludeInvalid = "config-include-invalid"
    /// OpenClaw's config changed between two observations; the record names the writer.
    public static let configChanged = "config-changed"

    /// What a human must do about an alert of the new rules, in one sentence.
    public static func humanAction(_ rule: String) -> String {
        switch rule {
        case pluginProtected:
            return "what to do: fix or update the plugin (it ships with OpenClaw or runs a channel, so the healer will not disable it), then restart the gateway"
        case pluginStatusUnknown:
            return "what to do: check `openclaw plugins doctor` and the gateway log for why the plugin is not loaded"
        case cronModelFailure:
            return "what to do: nothing for the job; if the model stays down, check the provider's status, quota or key"
        case failureUnattributed:
            return "what to do: make the forwarder send the model (or the session key) with the failure, so it can be acted on"
        case configIncludeInvalid:
            return "what to do: restore or fix the named $include file of openclaw.json (run `openclaw config validate`)"
        case configChanged:
            return "what to do: nothing if the change was intended; otherwise compare with the backups and OpenClaw's .bak files"
        default:
            return "what to do: see the evidence"
        }
    }
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
