/// What `/status` and the status file show. The first seven fields are the seed plugin's
/// `StatusSnapshot`, unchanged in name and meaning; the rest are this daemon's additions.
public struct StatusSnapshot: Sendable, Equatable, Codable {
    public var health: Health
    public var activeModel: String
    public var models: [ModelStatus]
    public var whatsapp: WhatsAppStatus
    public var cron: CronStatus
    public var config: ConfigSummary
    /// Unix seconds.
    public var generatedAt: Int

    public var plugins: PluginsStatus
    public var gateway: GatewayStatus
    public var restartBudget: RestartBudgetStatus
    public var sessionsRepinned: SessionsRepinned
    public var probes: ProbesStatus
    public var lastTick: LastTick?
    /// Source → message: observations that failed, files that could not be written, an invalid
    /// `openclaw.json`.
    public var faults: [String: String]
    public var counters: Counters
    public var version: String
    public var pid: Int32
    public var uptimeSec: Int
    /// Unix seconds.
    public var startedAt: Int
    /// Disruptive actions: verifications, flapping, the breaker, the WhatsApp ladder.
    public var disruptive: DisruptiveStatus?
    /// Set while the owner's pause runs.
    public var maintenance: MaintenanceStatus? = nil
    /// Open incidents, oldest first.
    public var incidents: [IncidentStatus]? = nil
    public var notify: NotifyStatus? = nil

    public init(health: Health, activeModel: String, models: [ModelStatus], whatsapp: WhatsAppStatus,
                cron: CronStatus, config: ConfigSummary, generatedAt: Int, plugins: PluginsStatus,
                gateway: GatewayStatus, restartBudget: RestartBudgetStatus, sessionsRepinned: SessionsRepinned,
                probes: ProbesStatus, lastTick: LastTick?, faults: [String: String], counters: Counters,
                version: String, pid: Int32, uptimeSec: Int, startedAt: Int) {
        self.health = health; self.activeModel = activeModel; self.models = models
        self.whatsapp = whatsapp; self.cron = cron; self.config = config; self.generatedAt = generatedAt
        self.plugins = plugins; self.gateway = gateway; self.restartBudget = restartBudget
        self.sessionsRepinned = sessionsRepinned; self.probes = probes; self.lastTick = lastTick
        self.faults = faults; self.counters = counters; self.version = version; self.pid = pid
        self.uptimeSec = uptimeSec; self.startedAt = startedAt
    }
}
