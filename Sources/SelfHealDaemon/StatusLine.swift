import FoundationEssentials
import HealCore

/// The one-line `STATUS=` systemd shows in `systemctl status`.
public enum StatusLine {
    public static func render(_ snapshot: StatusSnapshot, lastTick: Date?) -> String {
        let cooling = snapshot.models.filter { $0.status == .cooldown }.count
        var parts = [snapshot.health.rawValue, "active \(snapshot.activeModel)"]
        parts.append(cooling == 0 ? "no model cooling" : "\(cooling) model\(cooling == 1 ? "" : "s") cooling")
        if let m = snapshot.maintenance { parts.append("MAINTENANCE until \(Timestamps.clock(Date(timeIntervalSince1970: TimeInterval(m.until))))Z") }
        if let open = snapshot.incidents, !open.isEmpty { parts.append("\(open.count) incident\(open.count == 1 ? "" : "s") open") }
        if let lastTick {
            parts.append("last tick \(Timestamps.clock(lastTick))Z")
        } else {
            parts.append("no tick yet")
        }
        return parts.joined(separator: "; ")
    }
}
