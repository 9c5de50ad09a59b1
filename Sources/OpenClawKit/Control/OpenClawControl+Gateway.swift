import HealCore

extension OpenClawControl {
    /// `openclaw gateway restart`, falling back to `systemctl --user restart <unit>` by the rule in
    /// `RestartVerdict`; never when the config is invalid.
    func restartGateway(_ config: HealConfig) async -> ActionOutcome {
        let cli = OpenClawCommands.gatewayRestart(config)
        let result = await run(cli, config)
        let why: String
        switch RestartVerdict.judge(result) {
        case .restarted(let said):
            return ActionOutcome(ok: true, detail: "restarted with `openclaw gateway restart`: \(said)")
        case .refusedInvalidConfig(let said):
            return ActionOutcome(ok: false, detail: "not restarted: the CLI refused because the config is invalid (\(said))")
        case .needsFallback(let reason):
            why = reason
        }
        if case .invalid(let problem) = OpenClawConfigCheck.check(path: config.configFile) {
            return ActionOutcome(ok: false, detail: "`openclaw gateway restart` failed (\(why)); systemctl fallback skipped: \(problem)")
        }
        let fallback = systemctlRestart(config)
        let fallbackResult = await run(fallback, config)
        if fallbackResult.succeeded {
            return ActionOutcome(ok: true, detail: "`openclaw gateway restart` failed (\(why)); restarted with `\(fallback.joined(separator: " "))`")
        }
        return ActionOutcome(ok: false, detail: "`openclaw gateway restart` failed (\(why)); `\(fallback.joined(separator: " "))` failed too (\(fallbackResult.failureSummary))")
    }

    func disableCron(id: String, name: String, config: HealConfig) async -> ActionOutcome {
        let result = await run(OpenClawCommands.cronDisable(config, id: id), config)
        if !result.succeeded {
            if result.stderr.contains("unknown cron job id") {
                return ActionOutcome(ok: false, detail: "unknown cron job id: \(id) (removed since it was observed?)")
            }
            return ActionOutcome(ok: false, detail: "cron disable \(id) failed: \(result.failureSummary)")
        }
        // The CLI prints the updated job; believe the job, not only the exit code.
        if let job = CLIJSON.parse(result.stdout)?.object, job["enabled"]?.bool == true {
            return ActionOutcome(ok: false, detail: "cron disable \(id) exited 0 but the job is still enabled")
        }
        return ActionOutcome(ok: true, detail: "disabled cron job '\(name)' (\(id))")
    }

    func disablePlugin(id: String, config: HealConfig) async -> ActionOutcome {
        let result = await run(OpenClawCommands.pluginDisable(config, id: id), config)
        guard result.succeeded else {
            return ActionOutcome(ok: false, detail: "plugins disable \(id) failed: \(result.failureSummary)")
        }
        let said = CommandResult.firstNonEmptyLine(result.stdout) ?? "exit 0"
        return ActionOutcome(ok: true, detail: "disabled plugin \(id): \(said)")
    }
}
