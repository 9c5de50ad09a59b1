import Foundation
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
        let (verdict, files) = await openclawConfig
        var observation = Observation(at: at, gateway: await gateway, whatsapp: await whatsapp, cronJobs: await cronJobs,
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

    /// `/healthz` + `/readyz` first. Unless they show the gateway answering, `gateway status --json`
    /// (`rpc.ok`) decides: it also covers a refused probe caused by a `gatewayUrl` that does not
    /// match the port the gateway really uses, so a wrong URL never reads as "gateway down".
    func observeGateway(_ config: HealConfig) async -> GatewayObservation {
        var http = await httpProbe(for: config).probe(baseURL: config.openclaw.gatewayUrl)
        if http.reachable == true { return http }
        let result = await run(OpenClawCommands.gatewayStatus(config), config)
        do {
            let report = try GatewayStatusParser.parse(result)
            if report.rpcOK && http.reachable == false {
                http.detail += "; but \(report.summary) (is openclaw.gatewayUrl right?)"
            } else {
                http.detail += "; \(report.summary)"
            }
            http.reachable = report.rpcOK
        } catch {
            http.detail += "; \(error)"
        }
        return http
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
        await runner.run(argv, timeout: .seconds(max(1, config.openclaw.commandTimeoutSec)), environment: environment)
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
