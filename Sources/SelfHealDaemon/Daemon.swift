import Dispatch
import FoundationEssentials
import Glibc
import HealCore
import Logging
import NetAddress
import Notify
import OpenClawKit
import RawHTTP
import Synchronization
import SystemdKit

/// The running healer: wires the HTTP server, the monitor loop, the log follower, signals and
/// systemd around one `Healer` actor.
public final class Daemon: Sendable {
    public static let version = "0.3.0"

    let source: DaemonConfigSource
    let logger: Logger
    let healer: Healer
    let gauge: HealthGauge
    let server: HTTPServer
    let observer: any GatewayObserver
    let follower: LogFollower
    let feed: FailureFeed
    let notifier: any SystemdNotifying
    let dependencies: DaemonDependencies
    let listenOverride: Int32?
    /// `server.listen` as the config validated it, bound as it was parsed.
    let listenAddress: NetAddress.ListenAddress
    let shutdownRequested = Mutex<Bool>(false)
    let running = Mutex<RunningTasks>(RunningTasks())
    let lifecycle = Mutex(Lifecycle())
    /// Why the daemon stops (the signal), set once a stop begins; what the state's stop record says.
    let stopReason = Mutex<String?>(nil)
    /// Opened once every service has started: ticks and failures from the log wait for it.
    let gate = StartGate()
    /// The daemon's parts, started in order and stopped in reverse (`Daemon+Services.swift`).
    private let services = Mutex<ServiceGroup?>(nil)
    let current: CurrentConfig
    /// The outbox and delivery of notifications, and the dead-man heartbeat.
    let notify: Notifier
    let initialNotify: ResolvedNotify

    struct Lifecycle {
        var waiter: CheckedContinuation<Void, Never>?
        var stopped = false
    }

    /// How long a stop waits for a tick in flight to end once it is cancelled.
    static let monitorStopBoundSec = 5

    struct RunningTasks {
        var monitor: Task<Void, Never>?
        var signals: SignalSources?
        var watchdog: WatchdogPinger?
        var feed: Task<Void, Never>?
    }

    /// The daemon `serve` runs: the real dependencies (`DaemonDependencies.production`).
    public convenience init(options: ServeOptions, logger: Logger) throws {
        try self.init(options: options, logger: logger,
                      dependencies: .production(environment: ProcessInfo.processInfo.environment))
    }

    /// Builds everything from the config and what it is given, and fails with a readable message
    /// before anything listens.
    public init(options: ServeOptions, logger: Logger, dependencies: DaemonDependencies) throws {
        var source = DaemonConfigSource(options: options)
        self.logger = logger
        var loaded: DaemonConfigSource.Loaded
        do {
            loaded = try source.load()
            if let fallback = StateDirectoryFallback.directory(for: loaded.config, options: options) {
                logger.notice("the state directory cannot be created; using systemd's StateDirectory instead",
                              metadata: ["wanted": "\(loaded.config.stateFile.deletingLastPathComponent)",
                                         "using": "\(fallback)"])
                source.options.stateDir = fallback
                loaded = try source.load()
            }
        } catch {
            throw StartupError("invalid config:\n" + error.description, exitCode: StartupError.invalidConfig)
        }
        self.source = source
        let config = loaded.config
        logger.info("config loaded", metadata: ["source": "\(loaded.origin)"])

        let listen: NetAddress.ListenAddress
        switch NetAddress.ListenAddress.parse(config.server.listen) {
        case .success(let address): listen = address; listenAddress = address
        case .failure(let error):
            throw StartupError("server.listen: \(error)", exitCode: StartupError.invalidConfig)
        }
        let token = try Daemon.loadToken(config: config, loopback: listen.isLoopback)
        switch NotifySecrets.resolve(config.notify) {
        case .success(let resolved): self.initialNotify = resolved
        case .failure(let failure):
            throw StartupError("invalid config:\n" + failure.description, exitCode: StartupError.invalidConfig)
        }

        self.dependencies = dependencies
        self.listenOverride = dependencies.listeningDescriptor
        self.observer = dependencies.observer
        self.healer = Healer(config: config, control: dependencies.control, clock: dependencies.clock,
                             version: Daemon.version, pid: dependencies.processID)
        self.gauge = HealthGauge(startedAt: Date())
        self.notifier = dependencies.systemd
        self.current = CurrentConfig(config)
        self.notify = Daemon.makeNotifier(config: config, runner: dependencies.notifyRunner, healer: healer,
                                          gauge: gauge, current: current)

        var serverConfiguration = HTTPServerConfiguration()
        serverConfiguration.maxConnections = config.server.maxConnections
        serverConfiguration.bodyTimeout = .seconds(config.server.bodyTimeoutSec)
        if listen.isLoopback { serverConfiguration.allowedHosts = HostAllowList(config.server.allowedHosts) }
        let healerRef = healer
        let gaugeRef = gauge
        let sourceRef = source
        let loggerRef = logger
        let notifierRef = notifier
        let currentRef = current
        let notifyRef = notify
        let routes = ControlRoutes(
            healer: healerRef, gauge: gaugeRef, auth: BearerAuth(token: token),
            authenticateReads: config.server.authenticateReads || !listen.isLoopback,
            intervalSec: { currentRef.value.monitor.intervalSec },
            reloader: {
                await Daemon.reload(healer: healerRef, source: sourceRef, current: currentRef,
                                    notifier: notifierRef, logger: loggerRef, notify: notifyRef)
            })
        self.server = HTTPServer(router: routes.router(), configuration: serverConfiguration)

        let stateDirectory = config.stateFile.deletingLastPathComponent
        let feed = FailureFeed()
        self.feed = feed
        self.follower = LogFollower(
            configuration: LogFollowerConfiguration(directory: config.openclaw.logDir, profile: config.openclaw.profile,
                                                    positionFile: stateDirectory + "/self-heal-logpos.json"),
            onFailure: { [feed] event in feed.send(event) })
    }

    public struct StartupError: Error, CustomStringConvertible {
        public var description: String
        /// 78 (EX_CONFIG) for an invalid config: the units' RestartPreventExitStatus stops
        /// systemd from restarting into the same error; 1 for anything else.
        public var exitCode: Int32
        public static let invalidConfig: Int32 = 78
        init(_ description: String, exitCode: Int32 = 1) { self.description = description; self.exitCode = exitCode }
    }

    /// Loopback binds get a token created on first start; any other bind needs one provisioned by
    /// the owner beforehand, so a daemon reachable from the network never runs unprotected.
    static func loadToken(config: HealConfig, loopback: Bool) throws -> String {
        let store = TokenStore(path: config.resolvedTokenFile)
        do {
            if loopback { return try store.loadOrCreate() }
            guard FileManager.default.fileExists(atPath: store.path) else {
                throw StartupError("server.listen \(config.server.listen) is not a loopback address and no token exists; "
                    + "create one first: openssl rand -hex 32 > \(store.path) && chmod 600 \(store.path)")
            }
            return try store.load()
        } catch let failure as TokenStore.Failure {
            if case .cannotCreate = failure {
                let directory = store.path.deletingLastPathComponent
                throw StartupError(failure.description + "; create \(directory) as the service's user, "
                    + "or point --state-dir (or stateFile and server.tokenFile) at a writable directory")
            }
            throw StartupError(failure.description)
        }
    }

    /// Runs until SIGTERM/SIGINT; returns after a graceful stop.
    public func run() async throws {
        let group = ServiceGroup(makeServices())
        services.withLock { $0 = group }
        try await group.start(stopDeadline: .seconds(Daemon.stopDeadlineSec))
        gate.open()
        if dependencies.handlesSignals { installSignalHandlers() }
        await withCheckedContinuation { continuation in
            let alreadyStopped = lifecycle.withLock { state -> Bool in
                if state.stopped { return true }
                state.waiter = continuation
                return false
            }
            if alreadyStopped { continuation.resume() }
        }
    }

    /// Graceful stop: the services stopped in reverse order, the stop recorded last.
    func shutdown(signal name: String) async {
        let first = shutdownRequested.withLock { requested -> Bool in
            defer { requested = true }
            return !requested
        }
        guard first else { return }
        logger.info("stopping", metadata: ["signal": "\(name)"])
        notifier.stopping()
        stopReason.withLock { $0 = "received \(name)" }
        // The services in reverse order under one deadline: watchdog, listener, monitor,
        // notifications, log follower, failure feed, and last the state saved with the stop
        // record, so nothing the daemon does follows the recorded stop.
        // Taken, not kept: the services hold the daemon, and a stopped group is not needed again.
        let group = services.withLock { group in
            defer { group = nil }
            return group
        }
        let late = await group?.stop(within: .seconds(Daemon.stopDeadlineSec)) ?? []
        for name in late {
            logger.warning("the \(name) did not stop in time (\(Daemon.monitorStopBoundSec) s for the monitor, \(Daemon.stopDeadlineSec) s in all)")
        }
        running.withLock { $0.signals }?.cancelAll()
        let waiter = lifecycle.withLock { state -> CheckedContinuation<Void, Never>? in
            state.stopped = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }
}
