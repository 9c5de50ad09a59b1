import HealCore

/// Reads `openclaw cron list --all --json` (docs/OPENCLAW.md §2): the current paged
/// `{jobs, total, offset, limit, hasMore, nextOffset, …}`, the very old `{jobs:[…]}`, or a bare array.
/// `state.lastRunStatus` is preferred over its back-compat alias `state.lastStatus`.
public enum CronListParser {
    public static let command = "cron list --all --json"

    public static func parse(_ result: CommandResult) throws(OpenClawOutputError) -> [CronJobObservation] {
        try CLIOutput.requireExitZero(result, command: command)
        return try parse(stdout: result.stdout)
    }

    public static func parse(stdout: String) throws(OpenClawOutputError) -> [CronJobObservation] {
        // Human output with no jobs; harmless to accept if a version prints it despite --json.
        if stdout.trimming(.whitespacesAndNewlines) == "No cron jobs." { return [] }
        let value = try CLIOutput.objectOrArray(stdout, command: command)
        let jobs: [JSONNode]
        if let list = value.array {
            jobs = list
        } else if let list = value["jobs"]?.array {
            jobs = list
        } else {
            throw OpenClawOutputError(command: command, problem: .unexpectedShape("expected a \"jobs\" array"))
        }
        var result: [CronJobObservation] = []
        for (index, job) in jobs.enumerated() {
            result.append(try observation(job, index: index))
        }
        return result
    }

    private static func observation(_ job: JSONNode, index: Int) throws(OpenClawOutputError) -> CronJobObservation {
        guard job.object != nil else {
            throw OpenClawOutputError(command: command, problem: .unexpectedShape("jobs[\(index)] is \(job.kindName), not an object"))
        }
        guard let id = job["id"]?.string, !id.isEmpty else {
            throw OpenClawOutputError(command: command, problem: .unexpectedShape("jobs[\(index)] has no \"id\""))
        }
        let state = job["state"]
        // `enabled` is required by the sheet; the computed `status` says "disabled" as a second witness.
        let enabled = job["enabled"]?.bool ?? (job["status"]?.string != "disabled")
        return CronJobObservation(
            id: id,
            name: job["name"]?.string ?? id,
            enabled: enabled,
            lastRunAtMs: state?["lastRunAtMs"]?.int64,
            lastRunStatus: state?["lastRunStatus"]?.string ?? state?["lastStatus"]?.string,
            lastError: state?["lastError"]?.string,
            lastErrorReason: state?["lastErrorReason"]?.string,
            consecutiveErrors: state?["consecutiveErrors"]?.int,
            autoDisabledReason: state?["autoDisabled"]?["reason"]?.string,
            model: job["payload"]?["model"]?.string.flatMap { $0.isEmpty ? nil : $0 }
        )
    }
}
