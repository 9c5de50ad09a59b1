import FoundationEssentials
import HealCore

extension StatusSummary {
    /// Maintenance, open incidents and each notification target, for `status`.
    static func notifyLines(_ s: StatusSnapshot) -> [String] {
        var lines: [String] = []
        if let m = s.maintenance {
            lines.append("maint:     PAUSED until \(clock(m.until)) (\(duration(m.remainingSec)) left)" + (m.reason.isEmpty ? "" : ": \(m.reason)"))
        }
        for i in s.incidents ?? [] {
            lines.append("incident:  \(i.id) [\(i.severity)] \(i.title)" + (i.foldedInto.map { " (folded into \($0))" } ?? ""))
        }
        for t in s.notify?.targets ?? [] {
            var line = "notify:    \(t.name) (\(t.kind)): \(t.queued) queued, \(t.delivered) delivered, \(t.failed) failed"
            if t.dropped > 0 { line += ", \(t.dropped) dropped" }
            if let ok = t.lastSuccessAt { line += "; last success \(clock(ok))" }
            if let e = t.lastError { line += "; last error: \(e)" }
            lines.append(line)
        }
        if let hb = s.notify?.heartbeat, hb.enabled {
            lines.append("heartbeat: every \(duration(hb.intervalSec)), \(hb.sent) sent, \(hb.failed) failed"
                         + (hb.lastError.map { "; last error: \($0)" } ?? ""))
        }
        return lines
    }
}
