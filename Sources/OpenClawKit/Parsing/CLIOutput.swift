/// Checks shared by every parser of a `CommandResult`.
enum CLIOutput {
    /// Throws when the command did not run to an exit (launch error, timeout, signal) or its stdout
    /// was cut by the cap. A non-zero exit is left to each parser: some commands report through it.
    static func requireCompleted(_ result: CommandResult, command: String) throws(OpenClawOutputError) {
        if result.launchError != nil || result.timedOut || result.signal != nil || result.exitCode == nil {
            throw OpenClawOutputError(command: command, problem: .commandFailed(result.failureSummary))
        }
        if result.stdoutTruncated {
            let cap = result.outputCap > 0 ? result.outputCap : result.stdout.utf8.count
            throw OpenClawOutputError(command: command, problem: .outputTruncated(bytes: cap))
        }
    }

    static func requireExitZero(_ result: CommandResult, command: String) throws(OpenClawOutputError) {
        try requireCompleted(result, command: command)
        if result.exitCode != 0 {
            throw OpenClawOutputError(command: command, problem: .commandFailed(result.failureSummary))
        }
    }

    /// The JSON object on stdout, or a typed error quoting what was there instead.
    static func object(_ stdout: String, command: String) throws(OpenClawOutputError) -> [String: JSONNode] {
        guard let value = CLIJSON.parse(stdout) else {
            throw OpenClawOutputError(command: command, problem: .notJSON(expected: "a JSON object", excerpt: CLIJSON.excerpt(stdout)))
        }
        guard let object = value.object else {
            throw OpenClawOutputError(command: command, problem: .unexpectedShape("expected a JSON object, got \(value.kindName)"))
        }
        return object
    }

    /// The JSON object or array on stdout (list commands: some versions print a bare array).
    static func objectOrArray(_ stdout: String, command: String) throws(OpenClawOutputError) -> JSONNode {
        guard let value = CLIJSON.parse(stdout, allowArray: true) else {
            throw OpenClawOutputError(command: command, problem: .notJSON(expected: "JSON", excerpt: CLIJSON.excerpt(stdout)))
        }
        guard value.object != nil || value.array != nil else {
            throw OpenClawOutputError(command: command, problem: .unexpectedShape("expected a JSON object or array, got \(value.kindName)"))
        }
        return value
    }

    /// Whether a text is one of the CLI's "cannot reach the gateway" errors (docs/OPENCLAW.md §0.1, §1).
    static func saysGatewayUnreachable(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.contains("gateway not reachable") || lower.contains("gateway closed")
            || lower.contains("econnrefused") || lower.contains("gateway connect failed")
            || lower.contains("showing config-only status") || lower.contains("gateway auth unavailable")
    }
}
