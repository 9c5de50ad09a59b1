import HealCore

/// Reads `openclaw models status --probe --json` (docs/OPENCLAW.md §5): one result per probed auth profile,
/// each for one candidate model of its provider, under `auth.probes.results`.
/// Probe statuses: `ok|auth|rate_limit|billing|timeout|format|unknown|no_model`. Probe failures do
/// not change the exit code (only `--check` does), so a non-zero exit is a real failure.
public enum ModelsStatusProbeParser: OpenClawJSONCommand {
    public static let command = "models status --probe --json"

    public static func parse(stdout: String) throws(OpenClawOutputError) -> [ProbeResult] {
        let payload = try CLIOutput.object(stdout, command: command)
        guard let probes = payload["auth"]?["probes"] else {
            throw OpenClawOutputError(command: command, problem: .unexpectedShape("no auth.probes in the payload (was --probe given?)"))
        }
        guard let results = probes["results"]?.array else {
            throw OpenClawOutputError(command: command, problem: .unexpectedShape("auth.probes has no \"results\" array"))
        }
        var probed: [ProbeResult] = []
        for (index, entry) in results.enumerated() {
            guard let status = entry["status"]?.string else {
                throw OpenClawOutputError(command: command, problem: .unexpectedShape("auth.probes.results[\(index)] has no \"status\""))
            }
            let provider = entry["provider"]?.string
            // A result that names no model (`no_model`: nothing to probe) is no evidence about one.
            guard let named = entry["model"]?.string, let model = named.contains("/") ? ModelID(named)
                    : provider.flatMap({ ModelID(provider: $0, model: named) }) else { continue }
            let error = entry["error"]?.string.map(Redactor.redact)
            let label = entry["label"]?.string ?? entry["profileId"]?.string
            var detail = status == "ok" ? "ok" : (error ?? status)
            if let label { detail += " [\(label)]" }
            probed.append(ProbeResult(model: model, ok: status == "ok", reason: reason(forProbeStatus: status),
                                      latencyMs: entry["latencyMs"]?.int ?? 0, detail: detail))
        }
        return probed
    }

    /// Maps a probe status onto the failover taxonomy; `ok` and `no_model` (nothing to probe) have none.
    static func reason(forProbeStatus status: String) -> FailureReason? {
        switch status {
        case "ok", "no_model": return nil
        default: return FailureReason(rawValue: status) ?? .unknown
        }
    }
}
