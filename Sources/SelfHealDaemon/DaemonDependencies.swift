import FoundationEssentials
import Glibc
import HealCore
import OpenClawKit
import SystemdKit

/// What the daemon takes from the machine rather than from its config: how it runs `openclaw` and
/// curl, how it observes and acts on the gateway, its clock, how it talks to systemd, and the
/// process-wide settings (signals). `production(environment:)` is the one place they are made for
/// real; tests build a daemon in process with their own.
public struct DaemonDependencies: Sendable {
    /// What the healer acts through (commands and file patches).
    public var control: any GatewayControl
    /// What each tick observes the gateway with.
    public var observer: any GatewayObserver
    public var clock: any HealClock
    /// Runs curl for notifications. Its own slots: deliveries never wait behind `openclaw`
    /// commands, nor hold one.
    public var notifyRunner: CommandRunner
    /// Where READY=1, STATUS=, RELOADING=1, STOPPING=1 and WATCHDOG=1 go.
    public var systemd: any SystemdNotifying
    /// `WatchdogSec=` as systemd passed it; `nil`: no watchdog, nothing pinged.
    public var watchdogInterval: Duration?
    /// A listening socket systemd passed (socket activation), served instead of `server.listen`.
    public var listeningDescriptor: Int32?
    /// Whether SIGTERM/SIGINT stop the daemon and SIGHUP reloads it. Signal dispositions belong to
    /// the process, so only the process's own daemon takes them.
    public var handlesSignals: Bool
    /// Recorded in the state and the status (which process wrote them).
    public var processID: Int32

    public init(control: any GatewayControl, observer: any GatewayObserver, clock: any HealClock = SystemClock(),
                notifyRunner: CommandRunner = CommandRunner(maxConcurrent: 4, outputCap: 64 << 10),
                systemd: any SystemdNotifying = SystemdNotifier(), watchdogInterval: Duration? = nil,
                listeningDescriptor: Int32? = nil, handlesSignals: Bool = false, processID: Int32 = getpid()) {
        self.control = control; self.observer = observer; self.clock = clock; self.notifyRunner = notifyRunner
        self.systemd = systemd; self.watchdogInterval = watchdogInterval
        self.listeningDescriptor = listeningDescriptor; self.handlesSignals = handlesSignals
        self.processID = processID
    }

    /// The real ones, for `openclaw-self-heal serve`. Takes the socket systemd passed first, before
    /// any child is spawned: libsystemd marks the passed descriptors close-on-exec while it takes them.
    public static func production(environment: [String: String]) throws -> DaemonDependencies {
        // Past a file-size limit (RLIMIT_FSIZE) a write fails with EFBIG and raises SIGXFSZ, whose
        // default action ends the process. Ignored, the failed write becomes a fault in /status like
        // any other. (Children get every signal reset to its default by ProcessSpawner.)
        signal(SIGXFSZ, SIG_IGN)
        let descriptor: Int32?
        do {
            descriptor = try SocketActivation.listeningDescriptors().first
        } catch {
            throw Daemon.StartupError("socket activation: \(error)")
        }
        // Every command passes `openclaw.maxOutputMiB` (`cron list --all --json` grows with the
        // jobs, about 0.9 KiB each); the runner's own cap is only the ceiling of that key's range.
        let runner = CommandRunner(maxConcurrent: 6, outputCap: 1024 << 20)
        let childEnvironment = childEnvironment(environment)
        return DaemonDependencies(
            control: OpenClawControl(runner: runner, extraEnvironment: childEnvironment),
            observer: OpenClawObserver(runner: runner, extraEnvironment: childEnvironment),
            systemd: SystemdNotifier(), watchdogInterval: SystemdNotifier.watchdogInterval(),
            listeningDescriptor: descriptor, handlesSignals: true)
    }

    /// What children need beyond the daemon's own environment: `systemctl --user` (the restart
    /// fallback) needs XDG_RUNTIME_DIR, which a system unit does not set.
    static func childEnvironment(_ environment: [String: String]) -> [String: String] {
        guard environment["XDG_RUNTIME_DIR"] == nil else { return [:] }
        return ["XDG_RUNTIME_DIR": "/run/user/\(getuid())"]
    }
}
