/// What `openclaw gateway restart` achieved, and so whether the systemctl fallback runs.
///
/// The rule:
/// - output says the config is invalid ("Gateway aborted: config is invalid.") → refused; nothing
///   else is tried (a restart would only take the gateway down: it exits 78 on a bad config);
/// - exit 0 and "Gateway service disabled." (the service is not installed/loaded) → fallback;
/// - exit 0 otherwise → restarted;
/// - the CLI missing, killed, timed out, or any other non-zero exit → fallback.
/// The fallback itself is skipped when our own JSON5 check finds `openclaw.json` invalid.
enum RestartVerdict: Equatable {
    case restarted(String)
    case refusedInvalidConfig(String)
    case needsFallback(String)

    static func judge(_ result: CommandResult) -> RestartVerdict {
        let text = result.stdout + "\n" + result.stderr
        if text.lowercased().contains("config is invalid") {
            return .refusedInvalidConfig(CommandResult.firstNonEmptyLine(text) ?? "config is invalid")
        }
        if result.succeeded {
            if text.contains("Gateway service disabled") {
                return .needsFallback("the CLI reports \"Gateway service disabled.\"")
            }
            return .restarted(CommandResult.firstNonEmptyLine(result.stdout) ?? "exit 0")
        }
        return .needsFallback(result.failureSummary)
    }
}
