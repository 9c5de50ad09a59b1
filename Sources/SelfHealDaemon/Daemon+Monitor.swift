import Dispatch
import FoundationEssentials
import Glibc
import HealCore
import SystemdKit

extension Daemon {
    /// The monitor loop: one tick per `monitor.intervalSec`, gathering every observation
    /// concurrently and handing them to the healer in one call.
    func startMonitor() {
        let task = Task { [self] in
            guard await gate.wait() else { return }
            while !Task.isCancelled {
                let config = current.value
                await runTick(config: config)
                try? await Task.sleep(for: .seconds(config.monitor.intervalSec))
            }
        }
        running.withLock { $0.monitor = task }
    }

    func runTick(config: HealConfig) async {
        let started = Date()
        gauge.tickStarted(at: started)
        let observation = await observer.observe(config: config)
        let report = await healer.tick(observation)
        let directory = config.stateFile.deletingLastPathComponent
        // A directory that takes files can still refuse the state (a full disk, a file-size limit):
        // /health must say so too, since the healer then refuses every disruptive action.
        let directoryProblem = HealthGauge.writabilityProblem(directory: directory)
            ?? (report.persisted ? nil : "saving the state failed: \(report.faults["state-file"] ?? "unknown error")")
        gauge.tickFinished(at: Date(), stateDirectoryProblem: directoryProblem)
        let snapshot = await healer.snapshot()
        notifier.status(StatusLine.render(snapshot, lastTick: Date()))
        logger.debug("tick", metadata: ["durationMs": "\(Int(Date().timeIntervalSince(started) * 1000))",
                                        "decisions": "\(report.decisions.count)"])
    }

    /// Pings the systemd watchdog only while the loop makes progress and the actor answers.
    func startWatchdog() {
        let gauge = self.gauge
        let current = self.current
        let healer = self.healer
        guard let interval = dependencies.watchdogInterval else { return }
        let pinger = WatchdogPinger(watchdogInterval: interval, notifier: notifier, logger: logger, healthCheck: {
            await Self.loopIsHealthy(gauge: gauge, current: current, healer: healer)
        })
        pinger.start()
        running.withLock { $0.watchdog = pinger }
    }

    /// The one judgement of "the healer is alive" that the watchdog pings and the dead-man
    /// heartbeat both ask: the monitor loop makes progress and the actor answers.
    static func loopIsHealthy(gauge: HealthGauge, current: CurrentConfig, healer: Healer) async -> Bool {
        let config = current.value
        let progressing = gauge.progress.isMakingProgress(
            now: Date(), startedAt: gauge.startedAt, interval: TimeInterval(config.monitor.intervalSec),
            tickBound: MonitorProgress.tickBound(commandTimeoutSec: config.openclaw.commandTimeoutSec))
        guard progressing else { return false }
        return await healer.ping()
    }
}
