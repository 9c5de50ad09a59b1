import FoundationEssentials
import HealCore
import Notify
import OpenClawKit

extension Daemon {
    /// The notifier: its own runner (`DaemonDependencies.notifyRunner`), outbox files in `<state dir>/notify-outbox`, figures and drops reported to
    /// the healer, and the heartbeat sent only while the watchdog would be pinged.
    static func makeNotifier(config: HealConfig, runner: CommandRunner, healer: Healer, gauge: HealthGauge, current: CurrentConfig) -> Notifier {
        let directory = config.stateFile.deletingLastPathComponent + "/notify-outbox"
        return Notifier(
            directory: directory, runner: runner,
            userAgent: "openclaw-self-heal/\(version)",
            healthy: { await loopIsHealthy(gauge: gauge, current: current, healer: healer) },
            onStatus: { targets, heartbeat in await healer.updateNotifyStatus(targets: targets, heartbeat: heartbeat) },
            onDrop: { target, entry in
                await healer.auditNotification(
                    incident: entry.notice.incident, rule: entry.notice.rule,
                    trigger: "notification dropped: not delivered to \(target) within notify.maxAgeSec",
                    evidence: ["message \(entry.notice.id) (\(entry.notice.event.rawValue)): \(entry.notice.title)",
                               "queued \(Timestamps.isoSeconds(entry.queuedAt)), \(entry.attempts) attempts"]
                        + (entry.lastError.map { ["last error: \($0)"] } ?? []),
                    outcome: .notificationDropped, detail: "target \(target)")
            })
    }
}
