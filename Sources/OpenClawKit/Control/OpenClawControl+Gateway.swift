import HealCore

extension OpenClawControl {
    /// `openclaw gateway restart` under its own timeout (`gateway.restartTimeoutSec`), falling back
    /// to `systemctl --user restart <unit>` only when the CLI could not act (`RestartVerdict`);
    /// never when the config is invalid, and never after a restart that may be under way.
    func restartGateway(_ config: HealConfig) async -> ActionOutcome {
        let cli = OpenClawCommands.gatewayRestart(config)
        let timeout = Duration.seconds(max(1, config.gateway.restartTimeoutSec))
        let result = await runner.run(cli, timeout: timeout, environment: environment,
                                      outputCap: config.openclaw.maxOutputMiB << 20)
        let why: String
        switch RestartVerdict.judge(result) {
        case .restarted(let said):
            return ActionOutcome(ok: true, detail: "restarted with `openclaw gateway restart`: \(said)")
        case .underWay(let said):
            var outcome = ActionOutcome(ok: false, detail: "restart under way: `openclaw gateway restart` exited 2 (\(said)); no second restart before the gateway is observed again")
            outcome.pending = true
            return outcome
        case .outcomeUnknown(let said):
            var outcome = ActionOutcome(ok: false, detail: "outcome unknown: `openclaw gateway restart` ran past \(config.gateway.restartTimeoutSec) s (\(said)); no second restart before the gateway is observed again")
            outcome.pending = true
            return outcome
        case .refusedInvalidConfig(let said):
            return ActionOutcome(ok: false, detail: "not restarted: the CLI refused because the config is invalid (\(said))")
        case .failed(let said):
            return ActionOutcome(ok: false, detail: "`openclaw gateway restart` failed (\(said)); no systemctl fallback: the CLI did act")
        case .cliCouldNotAct(let reason):
            why = reason
        }
        if case .invalid(let problem) = OpenClawConfigCheck.check(path: config.configFile) {
            return ActionOutcome(ok: false, detail: "`openclaw gateway restart` could not act (\(why)); systemctl fallback skipped: \(problem)")
        }
        let fallback = systemctlRestart(config)
        let fallbackResult = await runner.run(fallback, timeout: timeout, environment: environment,
                                              outputCap: config.openclaw.maxOutputMiB << 20)
        if fallbackResult.succeeded {
            return ActionOutcome(ok: true, detail: "`openclaw gateway restart` could not act (\(why)); restarted with `\(fallback.joined(separator: " "))`")
        }
        if fallbackResult.timedOut {
            var outcome = ActionOutcome(ok: false, detail: "`openclaw gateway restart` could not act (\(why)); `\(fallback.joined(separator: " "))` ran past the timeout: outcome unknown")
            outcome.pending = true
            return outcome
        }
        return ActionOutcome(ok: false, detail: "`openclaw gateway restart` could not act (\(why)); `\(fallback.joined(separator: " "))` failed too (\(fallbackResult.failureSummary))")
    }

    /// `channels.stop` then `channels.start` for one account over the gateway RPC (docs/OPENCLAW.md §13.1),
    /// or only `channels.start`. A gateway without these methods answers `INVALID_REQUEST … invalid
    /// channels.start channel` or an unknown method: the outcome is then `unsupported`, and the
    /// policy's next step is a gateway restart.
    func restartChannel(channel: String, accountId: String, stopFirst: Bool, config: HealConfig) async -> ActionOutcome {
        var said: [String] = []
        for method in (stopFirst ? ["channels.stop", "channels.start"] : ["channels.start"]) {
            let result = await run(OpenClawCommands.channelLifecycle(config, method: method, channel: channel, accountId: accountId), config)
            let text = (result.stdout + "\n" + result.stderr).lowercased()
            if !result.succeeded {
                if Self.saysUnsupported(text, method: method) {
                    var outcome = ActionOutcome(ok: false, detail: "\(method) is not supported by this gateway (\(result.failureSummary))")
                    outcome.unsupported = true
                    return outcome
                }
                return ActionOutcome(ok: false, detail: "\(method) \(channel):\(accountId) failed: \(result.failureSummary)")
            }
            if method == "channels.start", let payload = CLIJSON.parse(result.stdout)?.object, payload["started"]?.bool == false {
                said.append("channels.start answered started:false\(payload["reason"]?.string.map { " (\($0))" } ?? " with no reason")")
            } else {
                said.append("\(method) ok")
            }
        }
        return ActionOutcome(ok: true, detail: "\(channel):\(accountId): " + said.joined(separator: "; "))
    }

    static func saysUnsupported(_ lower: String, method: String) -> Bool {
        lower.contains("invalid \(method)") || lower.contains("unknown method") || lower.contains("method not found")
            || (lower.contains("invalid_request") && lower.contains(method))
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
