/// Every key of the config file and what it accepts. The seed plugin's keys keep its names,
/// defaults and lower bounds; the upper bounds it lacked are added so that no value can overflow
/// the policy's arithmetic or mean something absurd (a probe interval longer than the longest
/// possible cooldown, a week, never fires).
///
/// | key | accepts |
/// |---|---|
/// | `modelOrder` | 1 to 64 distinct `provider/model` ids |
/// | `cooldownMinutes` | 1 to 10080 |
/// | `probeEnabled`, `dryRun` | true / false |
/// | `probeIntervalSec` | 60 to 604800 |
/// | `stateFile`, `statusFile`, `sessionsFile`, `configFile`, `configBackupsDir`, `metricsFile` | absolute path, `~/…` or `$HOME/…` |
/// | `auditFile` | a path as above, or empty: `<dir of stateFile>/self-heal-audit.jsonl` |
/// | `autoFix.patchSessionPins`, `.disableFailingCrons`, `.disableFailingPlugins`, `.restartWhatsappOnDisconnect` | true / false |
/// | `autoFix.whatsappDisconnectThreshold` | 1 to 10 |
/// | `autoFix.whatsappMinRestartIntervalSec` | 60 to 604800 |
/// | `autoFix.cronFailThreshold` | 1 to 20 |
/// | `autoFix.issueCooldownSec` | 300 to 2592000 (30 days) |
/// | `autoFix.issueRepo` | empty, or `owner/repo` |
/// | `autoFix.pluginDisableCooldownSec` | 60 to 604800 |
/// | `server.listen` | `host:port`, `[ipv6]:port`; port 0 to 65535 |
/// | `server.tokenFile` | a path, or empty: `<dir of stateFile>/self-heal.token` |
/// | `server.maxConnections` | 1 to 100000 |
/// | `server.authenticateReads` | true / false |
/// | `server.allowedHosts` | up to 64 host names or addresses (`host` or `host:port`) |
/// | `server.bodyTimeoutSec` | 1 to 300 |
/// | `monitor.intervalSec` | 1 to 3600 |
/// | `openclaw.bin` | a command name (looked up on PATH) or a path |
/// | `openclaw.commandTimeoutSec` | 1 to 600 |
/// | `openclaw.logDir` | a path |
/// | `openclaw.gatewayUrl` | `http://host:port` |
/// | `openclaw.profile` | empty, or 1 to 64 of `A-Z a-z 0-9 - _` |
/// | `openclaw.sessionPatch` | `"rpc"` or `"file"` |
/// | `openclaw.channelRestartGraceSec` | 0 to 86400 |
/// | `openclaw.maxOutputMiB` | 1 to 1024 |
/// | `restartBudget.maxRestarts` | 1 to 100 |
/// | `restartBudget.windowSec` | 60 to 604800 |
/// | `restartBudget.pauseSec` | 60 to 2592000 |
/// | `probe.budgetPerHour` | 0 to 3600 (0: no automatic probes) |
/// | `retention.logMaxBytes` | 65536 to 1073741824 |
/// | `retention.logGenerations` | 1 to 100 |
/// | `retention.configBackupsMax` | 1 to 1000 |
/// | `retention.configBackupsMaxAgeDays` | 1 to 3650 |
/// | `gateway.downTicks` | 1 to 100 |
/// | `gateway.downWindowSec` | 0 to 86400 |
/// | `gateway.restartTimeoutSec` | 30 to 1800 |
/// | `gateway.verifyWindowSec` | 30 to 86400 |
/// | `gateway.channelRestartVerifySec` | 10 to 3600 |
/// | `gateway.breakerBoots` | 2 to 20 |
/// | `gateway.breakerWindowSec` | 60 to 86400 |
/// | `flap.count` | 1 to 100 |
/// | `flap.windowSec`, `flap.quietSec` | 60 to 604800 |
/// | `notify.targets` | up to 32 target objects (`NotifyTargetsField`) |
/// | `notify.repeatIntervalSec` | 10 to 2592000 |
/// | `notify.sendResolved` | true / false |
/// | `notify.caFile` | a path, or empty |
/// | `notify.maxAgeSec` | 60 to 604800 |
/// | `notify.timeoutSec` | 2 to 120 |
/// | `notify.heartbeat.url` | empty, or an https:// (or http://) URL |
/// | `notify.heartbeat.urlFile` | a path, or empty |
/// | `notify.heartbeat.intervalSec` | 10 to 86400 |
///
/// Besides: unknown keys are errors; a key given twice in one object is an error; the files the
/// healer writes (state, status, metrics, audit, token) must all be different files.
enum ConfigSchema {
    /// The nested objects, in file order.
    static let groups = ["autoFix", "server", "monitor", "openclaw", "restartBudget", "probe", "retention", "gateway", "flap",
                         "notify", "notify.heartbeat"]

    static let fields: [ConfigField] = [
        ConfigField(key: "modelOrder", kind: .modelList(\.modelOrder)),
        ConfigField(key: "cooldownMinutes", kind: .integer(\.cooldownMinutes, 1...10080)),
        ConfigField(key: "probeEnabled", kind: .boolean(\.probeEnabled)),
        ConfigField(key: "probeIntervalSec", kind: .integer(\.probeIntervalSec, 60...604_800)),
        ConfigField(key: "dryRun", kind: .boolean(\.dryRun)),
        ConfigField(key: "stateFile", kind: .path(\.stateFile, allowEmpty: false)),
        ConfigField(key: "statusFile", kind: .path(\.statusFile, allowEmpty: false)),
        ConfigField(key: "sessionsFile", kind: .path(\.sessionsFile, allowEmpty: false)),
        ConfigField(key: "configFile", kind: .path(\.configFile, allowEmpty: false)),
        ConfigField(key: "configBackupsDir", kind: .path(\.configBackupsDir, allowEmpty: false)),
        ConfigField(key: "metricsFile", kind: .path(\.metricsFile, allowEmpty: false)),
        ConfigField(key: "auditFile", kind: .path(\.auditFile, allowEmpty: true)),

        ConfigField(key: "autoFix.patchSessionPins", kind: .boolean(\.autoFix.patchSessionPins)),
        ConfigField(key: "autoFix.disableFailingCrons", kind: .boolean(\.autoFix.disableFailingCrons)),
        ConfigField(key: "autoFix.disableFailingPlugins", kind: .boolean(\.autoFix.disableFailingPlugins)),
        ConfigField(key: "autoFix.restartWhatsappOnDisconnect", kind: .boolean(\.autoFix.restartWhatsappOnDisconnect)),
        ConfigField(key: "autoFix.whatsappDisconnectThreshold", kind: .integer(\.autoFix.whatsappDisconnectThreshold, 1...10)),
        ConfigField(key: "autoFix.whatsappMinRestartIntervalSec", kind: .integer(\.autoFix.whatsappMinRestartIntervalSec, 60...604_800)),
        ConfigField(key: "autoFix.cronFailThreshold", kind: .integer(\.autoFix.cronFailThreshold, 1...20)),
        ConfigField(key: "autoFix.issueCooldownSec", kind: .integer(\.autoFix.issueCooldownSec, 300...2_592_000)),
        ConfigField(key: "autoFix.issueRepo", kind: .string(\.autoFix.issueRepo, .issueRepo)),
        ConfigField(key: "autoFix.pluginDisableCooldownSec", kind: .integer(\.autoFix.pluginDisableCooldownSec, 60...604_800)),

        ConfigField(key: "server.listen", kind: .string(\.server.listen, .listenAddress)),
        ConfigField(key: "server.tokenFile", kind: .path(\.server.tokenFile, allowEmpty: true)),
        ConfigField(key: "server.maxConnections", kind: .integer(\.server.maxConnections, 1...100_000)),
        ConfigField(key: "server.authenticateReads", kind: .boolean(\.server.authenticateReads)),
        ConfigField(key: "server.allowedHosts", kind: .hostList(\.server.allowedHosts)),
        ConfigField(key: "server.bodyTimeoutSec", kind: .integer(\.server.bodyTimeoutSec, 1...300)),

        ConfigField(key: "monitor.intervalSec", kind: .integer(\.monitor.intervalSec, 1...3600)),

        ConfigField(key: "openclaw.bin", kind: .command(\.openclaw.bin)),
        ConfigField(key: "openclaw.commandTimeoutSec", kind: .integer(\.openclaw.commandTimeoutSec, 1...600)),
        ConfigField(key: "openclaw.logDir", kind: .path(\.openclaw.logDir, allowEmpty: false)),
        ConfigField(key: "openclaw.gatewayUrl", kind: .string(\.openclaw.gatewayUrl, .gatewayURL)),
        ConfigField(key: "openclaw.profile", kind: .string(\.openclaw.profile, .profileName)),
        ConfigField(key: "openclaw.sessionPatch", kind: .string(\.openclaw.sessionPatch, .oneOf(["rpc", "file"]))),
        ConfigField(key: "openclaw.channelRestartGraceSec", kind: .integer(\.openclaw.channelRestartGraceSec, 0...86_400)),
        ConfigField(key: "openclaw.maxOutputMiB", kind: .integer(\.openclaw.maxOutputMiB, 1...1024)),

        ConfigField(key: "restartBudget.maxRestarts", kind: .integer(\.restartBudget.maxRestarts, 1...100)),
        ConfigField(key: "restartBudget.windowSec", kind: .integer(\.restartBudget.windowSec, 60...604_800)),
        ConfigField(key: "restartBudget.pauseSec", kind: .integer(\.restartBudget.pauseSec, 60...2_592_000)),

        ConfigField(key: "probe.budgetPerHour", kind: .integer(\.probe.budgetPerHour, 0...3600)),

        ConfigField(key: "retention.logMaxBytes", kind: .integer(\.retention.logMaxBytes, 65_536...1_073_741_824)),
        ConfigField(key: "retention.logGenerations", kind: .integer(\.retention.logGenerations, 1...100)),
        ConfigField(key: "retention.configBackupsMax", kind: .integer(\.retention.configBackupsMax, 1...1000)),
        ConfigField(key: "retention.configBackupsMaxAgeDays", kind: .integer(\.retention.configBackupsMaxAgeDays, 1...3650)),
        ConfigField(key: "gateway.downTicks", kind: .integer(\.gateway.downTicks, 1...100)),
        ConfigField(key: "gateway.downWindowSec", kind: .integer(\.gateway.downWindowSec, 0...86_400)),
        ConfigField(key: "gateway.restartTimeoutSec", kind: .integer(\.gateway.restartTimeoutSec, 30...1800)),
        ConfigField(key: "gateway.verifyWindowSec", kind: .integer(\.gateway.verifyWindowSec, 30...86_400)),
        ConfigField(key: "gateway.channelRestartVerifySec", kind: .integer(\.gateway.channelRestartVerifySec, 10...3600)),
        ConfigField(key: "gateway.breakerBoots", kind: .integer(\.gateway.breakerBoots, 2...20)),
        ConfigField(key: "gateway.breakerWindowSec", kind: .integer(\.gateway.breakerWindowSec, 60...86_400)),

        ConfigField(key: "flap.count", kind: .integer(\.flap.count, 1...100)),
        ConfigField(key: "flap.windowSec", kind: .integer(\.flap.windowSec, 60...604_800)),
        ConfigField(key: "flap.quietSec", kind: .integer(\.flap.quietSec, 60...604_800)),
        ConfigField(key: "notify.targets", kind: .notifyTargets(\.notify.targets)),
        ConfigField(key: "notify.repeatIntervalSec", kind: .integer(\.notify.repeatIntervalSec, 10...2_592_000)),
        ConfigField(key: "notify.sendResolved", kind: .boolean(\.notify.sendResolved)),
        ConfigField(key: "notify.caFile", kind: .path(\.notify.caFile, allowEmpty: true)),
        ConfigField(key: "notify.maxAgeSec", kind: .integer(\.notify.maxAgeSec, 60...604_800)),
        ConfigField(key: "notify.timeoutSec", kind: .integer(\.notify.timeoutSec, 2...120)),
        ConfigField(key: "notify.heartbeat.url", kind: .string(\.notify.heartbeat.url, .notifyURL)),
        ConfigField(key: "notify.heartbeat.urlFile", kind: .path(\.notify.heartbeat.urlFile, allowEmpty: true)),
        ConfigField(key: "notify.heartbeat.intervalSec", kind: .integer(\.notify.heartbeat.intervalSec, 10...86_400)),
    ]

    static let fieldsByKey: [String: ConfigField] = Dictionary(uniqueKeysWithValues: fields.map { ($0.key, $0) })

    /// Every dotted key, in schema order.
    static var keys: [String] { fields.map(\.key) }
}
