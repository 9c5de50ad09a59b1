import HealCore

/// Reads `openclaw cron list --all --json` (docs/OPENCLAW.md §2): the current paged
/// `{jobs, total, offset, limit, hasMore, nextOffset, …}`, the very old `{jobs:[…]}`, or a bare array.
/// `state.lastRunStatus` is preferred over its back-compat alias `state.lastStatus`.
public enum CronListParser: OpenClawJSONCommand {
    public static let command = "cron list --all --json"

    public static func parse(stdout: String) throws(OpenClawOutputError) -> [CronJobObservation] {
        // Human output with no jobs; harmless to accept if a version prints it despite --json.
        if CLIOutput.says(stdout, exactly: "No cron jobs.") { return [] }
        let value = try CLIOutput.objectOrArray(stdout, command: command)
        return try CLIOutput.records(value, key: "jobs", command: command, observation)
    }

    private static func observation(_ job: JSONNode, place: String) throws(OpenClawOutputError) -> CronJobObservation {
        let id = try CLIOutput.id(of: job, at: place, command: command)
        let state = job["state"]
        // `enabled` is always present (docs/OPENCLAW.md §2); the computed `status` says "disabled" as a second witness.
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
