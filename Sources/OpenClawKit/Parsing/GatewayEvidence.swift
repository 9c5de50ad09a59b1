import FoundationEssentials
import HealCore

/// Reads the facts the restart rules rest on from the JSON of `gateway status --json`,
/// `health --json` and a local `/readyz`. OpenClaw documents no fixed shape for safe mode, suspend
/// leases, updates or the gateway's start time (docs/OPENCLAW.md §13), so each is read under the names
/// OpenClaw has used or documents, and absent means "not reported", never "false".
enum GatewayEvidence {
    /// A timestamp in epoch ms (number) or ISO 8601 text.
    static func date(_ node: JSONNode?) -> Date? {
        guard let node else { return nil }
        if let ms = node.double, ms > 0 { return Date(timeIntervalSince1970: ms > 1e11 ? ms / 1000 : ms) }
        guard let text = node.string else { return nil }
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// `safeMode: true`, `mode: "safe"`, `crashLoop: {safeMode|active: true}`, `breaker: {open: true}`,
    /// `autostartSuppressed: true`, at the top level or one level down (`health`, `gateway`).
    static func safeMode(_ payload: [String: JSONNode]) -> Bool {
        func direct(_ o: [String: JSONNode]) -> Bool {
            if o["safeMode"]?.bool == true || o["autostartSuppressed"]?.bool == true { return true }
            if let mode = o["mode"]?.string?.lowercased(), mode == "safe" || mode == "safe-mode" { return true }
            if let loop = o["crashLoop"]?.object, loop["safeMode"]?.bool == true || loop["active"]?.bool == true { return true }
            if let breaker = o["breaker"]?.object, breaker["open"]?.bool == true || breaker["safeMode"]?.bool == true { return true }
            return false
        }
        if direct(payload) { return true }
        return ["health", "gateway", "restartRecovery", "details"].contains { payload[$0]?.object.map(direct) ?? false }
    }

    /// A suspend lease (`suspend: {active: true}`, `suspended: true`, `lease: {…}` under `suspend`)
    /// or an update in progress (`update: {inProgress: true}`, `updateInProgress: true`).
    static func suspended(_ payload: [String: JSONNode]) -> Bool {
        if payload["suspended"]?.bool == true || payload["updateInProgress"]?.bool == true { return true }
        if let suspend = payload["suspend"]?.object {
            if suspend["active"]?.bool == true || suspend["suspended"]?.bool == true { return true }
            if let lease = suspend["lease"], !lease.isNull { return true }
        }
        if let lease = payload["suspendLease"], !lease.isNull, lease.object?["active"]?.bool != false { return true }
        if let update = payload["update"]?.object, update["inProgress"]?.bool == true || update["running"]?.bool == true { return true }
        return false
    }

    /// The gateway's start: `startedAt`/`startedAtMs`, or `uptimeMs` before `now`.
    static func startedAt(_ o: [String: JSONNode], now: Date) -> Date? {
        for key in ["startedAt", "startedAtMs", "startTime", "activeEnterTimestamp"] {
            if let d = date(o[key]) { return d }
        }
        if let uptime = o["uptimeMs"]?.double, uptime >= 0 { return now.addingTimeInterval(-uptime / 1000) }
        return nil
    }
}
