import FoundationEssentials
import HealCore

/// What `openclaw health --json` adds to the gateway's picture: safe mode and its start time,
/// on versions that report them (docs/OPENCLAW.md §4.4, §13.2). Channel liveness is not read here: its
/// `running`/`connected` are known to be wrong (issues #17105, #42538, #71974).
public struct HealthSummary: Sendable, Equatable {
    public var safeMode: Bool
    public var startedAt: Date?
    public var suspended: Bool
}

public enum HealthSummaryParser: OpenClawDatedJSONCommand {
    public static let command = "health --json"

    public static func parse(stdout: String, now: Date) throws(OpenClawOutputError) -> HealthSummary {
        let payload = try CLIOutput.object(stdout, command: command)
        guard payload["ok"] != nil || payload["ts"] != nil || payload["channels"] != nil else {
            throw OpenClawOutputError(command: command, problem: .unexpectedShape(
                "expected a HealthSummary (ok, ts, channels), got keys \(payload.keys.sorted().prefix(8).joined(separator: ", "))"))
        }
        let gateway = payload["gateway"]?.object ?? [:]
        return HealthSummary(safeMode: GatewayEvidence.safeMode(payload),
                             startedAt: GatewayEvidence.startedAt(gateway, now: now) ?? GatewayEvidence.startedAt(payload, now: now),
                             suspended: GatewayEvidence.suspended(payload))
    }
}
