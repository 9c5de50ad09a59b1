import FoundationEssentials
import Glibc
import HealCore
import TextFormatting

/// The human summary `openclaw-self-heal status` prints from a daemon's `/status` JSON.
public enum StatusSummary {
    public struct Undecodable: Error, CustomStringConvertible {
        public var description: String
    }

    public static func decode(_ body: [UInt8]) throws -> StatusSnapshot {
        do {
            return try JSONDecoder().decode(StatusSnapshot.self, from: Data(body))
        } catch {
            throw Undecodable(description: "the daemon's /status is not the expected JSON: \(error)")
        }
    }

    public static func decodeEvents(_ body: [UInt8]) throws -> [AuditRecord] {
        struct Page: Decodable { var events: [AuditRecord] }
        return try AuditLog.decoder().decode(Page.self, from: Data(body)).events
    }

    public static func render(_ s: StatusSnapshot, recentActions: [AuditRecord] = []) -> String {
        var lines: [String] = []
        lines.append("openclaw-self-heal \(s.version) (pid \(s.pid), up \(duration(s.uptimeSec)))\(s.config.dryRun ? "  [DRY RUN]" : "")")
        lines.append("health:    \(s.health.rawValue)")
        lines.append("active:    \(s.activeModel)")
        for model in s.models {
            if model.status == .cooldown {
                let reason = model.reason.map { ", \($0)" } ?? ""
                lines.append("  \(model.id): cooling, \(duration(model.cooldownRemainingSec)) left\(reason)")
            } else {
                lines.append("  \(model.id): available\(model.active ? " (active)" : "")")
            }
        }
        if s.sessionsRepinned.count > 0 {
            lines.append("sessions:  \(s.sessionsRepinned.count) repinned")
            for session in s.sessionsRepinned.sessions.prefix(5) {
                lines.append("  \(session.key): \(session.original) -> \(session.repinnedTo)")
            }
        }
        let gateway: String
        switch s.gateway.reachable {
        case true?: gateway = "reachable" + (s.gateway.ready == false ? ", not ready" : "")
        case false?: gateway = "unreachable (\(s.gateway.detail))"
        case nil: gateway = "unknown (\(s.gateway.detail))"
        }
        lines.append("gateway:   \(gateway)")
        var held: [String] = []
        if let unit = s.gateway.serviceState, unit != "unknown" { held.append("unit \(unit)") }
        if s.gateway.safeMode == true { held.append("SAFE MODE (crash-loop breaker)") }
        if s.gateway.suspended == true { held.append("suspended") }
        if let fault = s.gateway.probeFault { held.append("probe fault: \(fault)") }
        if !held.isEmpty { lines.append("           " + held.joined(separator: "; ")) }
        var whatsapp = s.whatsapp.status
        if s.whatsapp.disconnectStreak > 0 { whatsapp += ", disconnected for \(s.whatsapp.disconnectStreak) tick(s)" }
        lines.append("whatsapp:  \(whatsapp)")
        lines.append("cron:      \(s.cron.trackedJobs) tracked, \(s.cron.failingJobs.count) failing")
        for job in s.cron.failingJobs.prefix(5) {
            let state = job.disabledByHealer ? "disabled by the healer" : (job.autoDisabledReason.map { "auto-disabled: \($0)" } ?? "\(job.failedRuns) failed run(s)")
            lines.append("  \(job.name) (\(job.id)): \(state)")
        }
        var plugins = "\(s.plugins.tracked) tracked"
        if !s.plugins.errored.isEmpty { plugins += ", errored: \(s.plugins.errored.joined(separator: ", "))" }
        if !s.plugins.disabledByHealer.isEmpty { plugins += ", disabled by the healer: \(s.plugins.disabledByHealer.joined(separator: ", "))" }
        lines.append("plugins:   \(plugins)")
        var budget = "\(s.restartBudget.remaining)/\(s.restartBudget.max) gateway restarts left in \(duration(s.restartBudget.windowSec))"
        if s.restartBudget.paused {
            budget += "; PAUSED" + (s.restartBudget.pauseReason.map { " (\($0))" } ?? "")
            if let until = s.restartBudget.pausedUntil { budget += " until \(clock(until))" }
        }
        lines.append("restarts:  \(budget)")
        if let d = s.disruptive {
            func list(_ counts: [String: Int]) -> String {
                counts.isEmpty ? "none" : counts.keys.sorted().map { "\($0) \(counts[$0]!)" }.joined(separator: ", ")
            }
            var checks = "verified: \(list(d.verified)); did not help: \(list(d.didNotHelp))"
            if !d.pending.isEmpty { checks += "; checking: " + d.pending.map { "\($0.kind) of \($0.target)" }.joined(separator: ", ") }
            lines.append("checks:    \(checks)")
            var flapping: [String] = []
            if d.gatewayFlapping { flapping.append("gateway") }
            if d.whatsappFlapping { flapping.append("whatsapp") }
            if !flapping.isEmpty { lines.append("flapping:  \(flapping.joined(separator: ", ")) (no restarts until it is quiet)") }
        }
        lines.append("probes:    \(s.probes.enabled ? "\(s.probes.remaining)/\(s.probes.budgetPerHour) left this hour" : "off")")
        if let tick = s.lastTick {
            lines.append("last tick: \(clock(Int(tick.at))) (\(tick.durationMs) ms)")
        } else {
            lines.append("last tick: none yet")
        }
        lines += notifyLines(s)
        for (source, fault) in s.faults.sorted(by: { $0.key < $1.key }) {
            lines.append("fault:     \(source): \(fault)")
        }
        if !recentActions.isEmpty {
            lines.append("recent decisions:")
            for record in recentActions {
                let action = record.action.map { " \($0.kind)" } ?? ""
                lines.append("  \(clock(Int(record.time.timeIntervalSince1970))) \(record.rule)\(action): \(record.outcome.rawValue)\(record.dryRun ? " (dry run)" : "")")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `1h 05m`, `3m 20s`, `45s`.
    static func duration(_ seconds: Int) -> String {
        let s = max(0, seconds)
        if s >= 86400 { return "\(s / 86400)d \(s % 86400 / 3600)h" }
        if s >= 3600 { return "\(s / 3600)h \(twoDigits(s % 3600 / 60))m" }
        if s >= 60 { return "\(s / 60)m \(twoDigits(s % 60))s" }
        return "\(s)s"
    }

    /// `2026-08-22 12:00:00` in the local time zone.
    static func clock(_ unixSeconds: Int) -> String {
        let t = CalendarFields(local: unixSeconds)
        return "\(t.year)-\(twoDigits(t.month))-\(twoDigits(t.day)) \(twoDigits(t.hour)):\(twoDigits(t.minute)):\(twoDigits(t.second))"
    }

    private static func twoDigits(_ value: Int) -> String {
        Digits.decimal(value, width: 2)
    }
}
