/// Which rules raise an incident that needs a human, and what it means: one line per rule.
/// A rule not listed here only writes the audit log. The tracker opens an incident when a listed
/// rule decides something (an alert, or an action that was not refused), keeps it open while its
/// condition holds, and resolves it when `clears` sees it fixed. A new rule is one more entry,
/// e.g. a finding that resolves once quiet for an hour:
///
///     Rule.actionDidNotHelp: .init(.critical, "A restart did not help", advice: "…", clears: .quietFor(3600)),
///
/// A rule about the gateway itself sets `isGatewayIncident`, so the dependents fold into it. A rule
/// that can concern several things sets `Decision.subject` (or acts on one: the action's target is
/// the subject), so each gets its own incident.
public enum IncidentCatalog {
    public static let kinds: [String: IncidentKind] = [
        Rule.whatsappAlert: .init(.critical, "WhatsApp link needs a human",
            advice: "If it is logged out or replaced, link it again (openclaw channels login, then scan the QR code); if restarts are off, restart the gateway yourself.",
            clears: .whatsappBack, dependsOnGateway: true),
        Rule.restartBudgetPaused: .init(.critical, "Gateway restarts paused: the restart budget is spent",
            advice: "Restarting did not keep the gateway healthy; read its log (journalctl --user -u openclaw-gateway). Restarts resume by themselves when the pause ends.",
            clears: .restartsResumed),
        Rule.configInvalid: .init(.critical, "openclaw.json is invalid: the healer refuses every change",
            advice: "Fix the file (openclaw doctor, or a backup from configBackupsDir); the gateway will not start on it either.",
            clears: .configValid),
        Rule.modelsAllCooling: .init(.critical, "Every model is cooling: agents have no working model",
            advice: "Check the providers' quotas, billing and credentials; the healer brings models back as its probes succeed.",
            clears: .modelAvailable),
        Rule.gatewayDown: .init(.critical, "OpenClaw gateway is down",
            advice: "A restart by the healer did not bring it back, or none was allowed; check openclaw gateway status and the gateway's log.",
            clears: .gatewayLive, isGatewayIncident: true),
        Rule.cronDisable: .init(.warning, "Cron job {subject} disabled after repeated failures",
            advice: "Fix what makes it fail, then enable it again (openclaw cron enable <id>).",
            clears: .cronBack, dependsOnGateway: true),
        Rule.cronAlert: .init(.warning, "Cron job {subject} keeps failing",
            advice: "Fix what makes it fail, or disable it (openclaw cron disable <id>).",
            clears: .cronBack, dependsOnGateway: true),
        Rule.pluginDisable: .init(.warning, "Plugin {subject} disabled: it fails to load",
            advice: "Fix or reinstall it, then enable it again (openclaw plugins enable <id>) and restart the gateway.",
            clears: .pluginBack),
        Rule.pluginAlert: .init(.warning, "Plugin {subject} fails to load",
            advice: "Fix or reinstall it, or disable it (openclaw plugins disable <id>).",
            clears: .pluginBack),
        Rule.pluginProtected: .init(.warning, "Plugin {subject} fails to load and is not the healer's to disable",
            advice: "It ships with OpenClaw or runs a channel: fix or update it (openclaw plugins doctor), then restart the gateway.",
            clears: .pluginLoaded),
        Rule.configIncludeInvalid: .init(.critical, "An $include file of openclaw.json is missing or broken: the healer refuses every change",
            advice: "Restore or fix the file named in the evidence, then run openclaw config validate.",
            clears: .configValid),
        Rule.gatewayStoppedByOwner: .init(.warning, "OpenClaw gateway is stopped (its unit is inactive)",
            advice: "The healer never starts a gateway stopped on purpose; start it when it should run (openclaw gateway start).",
            clears: .gatewayLive, isGatewayIncident: true, reminds: false),
        Rule.gatewayFailed: .init(.critical, "systemd gave up on the OpenClaw gateway",
            advice: "Read its log (journalctl --user -u openclaw-gateway.service); exit status 78 means openclaw.json is invalid or another gateway holds the port.",
            clears: .gatewayLive, isGatewayIncident: true),
        Rule.gatewaySafeMode: .init(.critical, "OpenClaw gateway is in safe mode: its channels are stopped",
            advice: "Repeated unclean boots tripped OpenClaw's crash-loop breaker; the healer starts stopped accounts once the gateway is otherwise healthy, else wait for the window to drain and look for the crash's cause (openclaw gateway stability --bundle latest).",
            clears: .safeModeOver),
        Rule.actionDidNotHelp: .init(.critical, "A repair did not help: {subject}",
            advice: "The healer will not repeat it; the summary says what a human must do next.",
            clears: .repairHealthy),
        Rule.whatsappFlapping: .init(.warning, "WhatsApp link is flapping: restarts held back",
            advice: "Check the phone's network and battery saver, and whether another device uses the session.",
            clears: .flappingOver(gateway: false), dependsOnGateway: true),
        Rule.gatewayFlapping: .init(.critical, "OpenClaw gateway is flapping: restarts held back",
            advice: "Look for the cause in journalctl --user -u openclaw-gateway.service (memory, a crashing plugin, the host).",
            clears: .flappingOver(gateway: true)),
    ]

    /// A refusal by `ActionGuard` because `openclaw.json` cannot be trusted.
    static func isConfigRefusal(_ refusal: String) -> Bool {
        refusal.hasPrefix("config invalid") || refusal.hasPrefix("config missing")
    }
}
