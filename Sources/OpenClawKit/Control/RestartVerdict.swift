/// What `openclaw gateway restart` achieved, and so whether the systemctl fallback runs.
///
/// The rule (docs/OPENCLAW.md §4.2, §13.2): a second restart path runs only when the CLI itself could not
/// act, never when the restart may be under way.
/// - output says the config is invalid ("Gateway aborted: config is invalid.") → refused; nothing
///   else is tried (a restart would only take the gateway down: it exits 78 on a bad config);
/// - exit 0 and "Gateway service disabled." (or `result: "not-loaded"`) → the CLI could not act: fallback;
/// - exit 0 otherwise → restarted;
/// - exit 2 with `still-starting` → under way (current versions follow startup for 5 minutes);
/// - our own timeout → outcome unknown; the process group is killed, nothing else is tried;
/// - the CLI missing (cannot be started), an unknown command, or a service it says is not loaded
///   or installed → the CLI could not act: fallback;
/// - any other failure → failed: the CLI did try (its own `systemctl` call failed), and running
///   the same restart again would make one incident two restarts.
/// The fallback itself is skipped when our own JSON5 check finds `openclaw.json` invalid.
enum RestartVerdict: Equatable {
    case restarted(String)
    case underWay(String)
    case outcomeUnknown(String)
    case refusedInvalidConfig(String)
    case cliCouldNotAct(String)
    case failed(String)

    static func judge(_ result: CommandResult) -> RestartVerdict {
        let text = result.stdout + "\n" + result.stderr
        let lower = text.lowercased()
        if lower.contains("config is invalid") {
            return .refusedInvalidConfig(CommandResult.firstNonEmptyLine(text) ?? "config is invalid")
        }
        if let launch = result.launchError { return .cliCouldNotAct(launch) }
        if result.timedOut { return .outcomeUnknown(result.failureSummary) }
        let notLoaded = lower.contains("gateway service disabled") || lower.contains("\"not-loaded\"")
            || lower.contains("not loaded") || lower.contains("not installed")
        if result.succeeded {
            if notLoaded { return .cliCouldNotAct("the CLI reports the service as not loaded (\(CommandResult.firstNonEmptyLine(result.stdout) ?? "Gateway service disabled."))") }
            return .restarted(CommandResult.firstNonEmptyLine(result.stdout) ?? "exit 0")
        }
        if result.exitCode == 2, lower.contains("still-starting") || lower.contains("still starting") {
            return .underWay(CommandResult.firstNonEmptyLine(text) ?? "still-starting")
        }
        if notLoaded || lower.contains("unknown command") {
            return .cliCouldNotAct(result.failureSummary)
        }
        return .failed(result.failureSummary)
    }
}
