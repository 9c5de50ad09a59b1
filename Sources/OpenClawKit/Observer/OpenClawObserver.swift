import FoundationEssentials
import HealCore

/// Gathers one monitor tick's observations. Every source runs concurrently, each under its own
/// timeout (`openclaw.commandTimeoutSec` for commands, the probe's short timeouts for HTTP), so a
/// hung command costs the tick at most that timeout and delays no other source. Whatever could not
/// be had becomes `Observed.unavailable("<command>: <reason>")`.
public struct OpenClawObserver: GatewayObserver {
    public let runner: CommandRunner
    public var httpProbe: GatewayHTTPProbe
    /// Variables added to the daemon's environment for every command (empty: inherit as is).
    public var extraEnvironment: [String: String]
    public var clock: any HealClock
    /// `openclaw config validate` answers per config digest, shared by every copy of the observer.
    let validateCache = ConfigValidateCache()

    public init(runner: CommandRunner, httpProbe: GatewayHTTPProbe = GatewayHTTPProbe(),
                extraEnvironment: [String: String] = [:], clock: any HealClock = SystemClock()) {
        self.runner = runner; self.httpProbe = httpProbe
        self.extraEnvironment = extraEnvironment; self.clock = clock
    }

    public func observe(config: HealConfig) async -> Observation {
        let started = MonotonicTime.nowNs()
        let at = clock.now()
        async let whatsapp = observeWhatsApp(config)
        async let cronJobs = observeCronJobs(config)
        async let plugins = observePlugins(config)
        async let gateway = observeGateway(config)
        async let sessions = observeSessions(config)
        async let openclawConfig = observeConfig(config)
        var gatewayObservation = await gateway
        let whatsappObservation = await whatsapp
        // `health --json` adds safe mode and the start time. It matters only while there is
        // something to heal, so a healthy tick does not pay for one more command.
        if gatewayObservation.rpcOk == true, whatsappObservation.value?.connected != true {
            await addHealthSummary(to: &gatewayObservation, config)
        }
        let (verdict, files) = await openclawConfig
        var observation = Observation(at: at, gateway: gatewayObservation, whatsapp: whatsappObservation, cronJobs: await cronJobs,
                                      plugins: await plugins, sessions: await sessions, openclawConfig: verdict,
                                      gatherDurationMs: Int((MonotonicTime.nowNs() - started) / 1_000_000))
        observation.openclawConfigFiles = files
        return observation
    }

    // MARK: - sources

    func observeWhatsApp(_ config: HealConfig) async -> Observed<WhatsAppObservation> {
        await parsed(OpenClawCommands.channelsStatus(config), config, ChannelsStatusParser.parse)
    }

    func observeCronJobs(_ config: HealConfig) async -> Observed<[CronJobObservation]> {
        await parsed(OpenClawCommands.cronList(config), config, CronListParser.parse)
    }

    func observePlugins(_ config: HealConfig) async -> Observed<[PluginObservation]> {
        await parsed(OpenClawCommands.pluginsList(config), config, PluginsListParser.parse)
    }

    /// `/healthz` + `/readyz` and `gateway status --json` together, and the end of today's log
    /// (`observe` adds `health --json` while something needs healing). `rpc.ok` true means up whatever `/healthz` says: a
    /// refused or slow probe is then a probe fault (a `gatewayUrl` that does not match the port
    /// the gateway really uses never reads as "gateway down"). The CLI also gives the unit's
    /// systemd state, the pid, the last exit status, a suspend lease or update, and safe mode.
    func observeGateway(_ config: HealConfig) async -> GatewayObservation {
        async let probed = httpProbe(for: config).probe(baseURL: config.openclaw.gatewayUrl)
        async let statusResult = run(OpenClawCommands.gatewayStatus(config), config)
        async let suppressedAt = DedicatedThread.run(name: "safe-mode log scan") { [dir = config.openclaw.logDir, profile = config.openclaw.profile, clock] in
            SafeModeLogScan.latest(directory: dir, profile: profile, now: clock.now())
        }
        var g = await probed
        let now = clock.now()
        do {
            let report = try GatewayStatusParser.parse(await statusResult, now: now)
            g.rpcOk = report.rpcOK
            g.serviceState = report.serviceState
            g.pid = report.pid
            g.lastExitStatus = report.lastExitStatus
            g.startedAt = report.startedAt
            g.suspended = report.suspended
            g.safeMode = g.safeMode || report.safeMode
            if report.rpcOK {
                if g.live != true {
                    g.probeFault = "\(config.openclaw.gatewayUrl)/healthz did not answer live while the RPC does (is openclaw.gatewayUrl right?)"
                    g.detail += "; but \(report.summary) (is openclaw.gatewayUrl right?)"
                } else {
                    g.detail += "; \(report.summary)"
                }
                g.reachable = true
            } else {
                g.detail += "; \(report.summary)"
                if g.reachable != true { g.reachable = false }
            }
        } catch {
            g.detail += "; \(error)"
        }
        if let at = await suppressedAt, now.timeIntervalSince(at) < TimeInterval(config.gateway.breakerWindowSec),
           at >= (g.startedAt ?? .distantPast) {
            g.safeMode = true
            g.detail += "; gateway log: channel autostart suppressed at \(Timestamps.iso(at))"
        }
        return g
    }

    /// Safe mode, a suspend and the start time as `health --json` reports them.
    func addHealthSummary(to g: inout GatewayObservation, _ config: HealConfig) async {
        guard let health = try? HealthSummaryParser.parse(await run(OpenClawCommands.health(config), config), now: clock.now()) else {
            return
        }
        g.safeMode = g.safeMode || health.safeMode
        g.suspended = g.suspended || health.suspended
        if g.startedAt == nil { g.startedAt = health.startedAt }
        if health.safeMode { g.detail += "; health: safe mode" }
    }

    /// The legacy file when configured for it or when it exists, else the gateway's `sessions.list`.
    func observeSessions(_ config: HealConfig) async -> Observed<[SessionPin]> {
        let path = PathExpansion.expand(config.sessionsFile)
        let useFile = config.openclaw.sessionPatch == "file" || FileManager.default.fileExists(atPath: path)
        guard useFile else {
            return await parsed(OpenClawCommands.sessionsList(config), config, SessionsParser.parseList)
        }
        return await DedicatedThread.run(name: "sessions.json") { () -> Observed<[SessionPin]> in
            switch FileBytes.read(path) {
            case .failure(.missing): return .unavailable("sessions.json: \(path) does not exist")
            case .failure(.unreadable(let why)): return .unavailable("sessions.json: \(path): \(why)")
            case .failure(.tooLarge(let cap)): return .unavailable("sessions.json: \(path) is larger than \(cap) bytes")
            case .success(let bytes):
                do { return .value(try SessionsParser.parseStore(Data(bytes), path: path)) } catch { return .unavailable("\(error)") }
            }
        }
    }

    // MARK: - plumbing

    private func httpProbe(for config: HealConfig) -> GatewayHTTPProbe {
        // The probe never outlives the command timeout either.
        let ceiling = Duration.seconds(max(1, config.openclaw.commandTimeoutSec))
        var probe = httpProbe
        probe.connectTimeout = min(probe.connectTimeout, ceiling)
        probe.readTimeout = min(probe.readTimeout, ceiling)
        return probe
    }

    private var environment: [String: String]? {
        extraEnvironment.isEmpty ? nil : ProcessInfo.processInfo.environment.merging(extraEnvironment) { $1 }
    }

    func run(_ argv: [String], _ config: HealConfig) async -> CommandResult {
        await runner.run(argv, timeout: .seconds(max(1, config.openclaw.commandTimeoutSec)), environment: environment,
                         outputCap: config.openclaw.maxOutputMiB << 20)
    }

    private func parsed<T>(_ argv: [String], _ config: HealConfig,
                           _ parse: (CommandResult) throws(OpenClawOutputError) -> T) async -> Observed<T> {
        let result = await run(argv, config)
        do {
            return .value(try parse(result))
        } catch {
            return .unavailable(error.description)
        }
    }
}
