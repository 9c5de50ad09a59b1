import FoundationEssentials
import HealCore

/// Reads `openclaw gateway status --json` (docs/OPENCLAW.md §4.1): reachability is `rpc.ok`, never the exit
/// code; the unit's state, pid and exit status come from `service.runtime`.
public enum GatewayStatusParser: OpenClawDatedJSONCommand {
    public static let command = "gateway status --json"

    public static func parse(stdout: String, now: Date) throws(OpenClawOutputError) -> GatewayStatusReport {
        let payload = try CLIOutput.object(stdout, command: command)
        guard let rpc = payload["rpc"], let ok = rpc["ok"]?.bool else {
            throw OpenClawOutputError(command: command, problem: .unexpectedShape("no rpc.ok in the payload (was --no-probe given?)"))
        }
        let runtime = payload["service"]?["runtime"]?.object ?? [:]
        var report = GatewayStatusReport(rpcOK: ok, rpcError: rpc["error"]?.string, rpcURL: rpc["url"]?.string,
                                         serviceRuntime: runtime["status"]?.string)
        let stateWord = runtime["state"]?.string ?? runtime["activeState"]?.string
        report.serviceState = stateWord.map { GatewayServiceState(systemd: $0) } ?? GatewayServiceState(runtimeStatus: runtime["status"]?.string)
        report.subState = runtime["subState"]?.string
        report.pid = (runtime["pid"]?.int ?? runtime["mainPid"]?.int).map { Int(truncatingIfNeeded: $0) }
        if report.pid == 0 { report.pid = nil }
        for key in ["lastExitStatus", "exitStatus", "execMainStatus"] {
            if let n = runtime[key]?.int { report.lastExitStatus = Int(n); break }
        }
        report.startedAt = GatewayEvidence.startedAt(runtime, now: now)
            ?? payload["health"]?.object.flatMap { GatewayEvidence.startedAt($0, now: now) }
        report.suspended = GatewayEvidence.suspended(payload)
        report.safeMode = GatewayEvidence.safeMode(payload)
        report.version = payload["gateway"]?["version"]?.string ?? payload["version"]?.string
        return report
    }
}
