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
        guard value.isObject || value.isArray else {
            throw OpenClawOutputError(command: command, problem: .unexpectedShape("expected a JSON object or array, got \(value.kindName)"))
        }
        return value
    }

    /// Whether the output is `line` and nothing else but whitespace. Looks at the bytes: trimming a
    /// megabyte-long JSON output with Foundation would copy all of it through UTF-16 first.
    static func says(_ stdout: String, exactly line: String) -> Bool {
        let utf8 = stdout.utf8
        guard utf8.count <= line.utf8.count + 64 else { return false }
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) }) else {
            return line.isEmpty
        }
        return utf8[first...last].elementsEqual(line.utf8)
    }

    /// Whether a text is one of the CLI's "cannot reach the gateway" errors (docs/OPENCLAW.md §0.1, §1).
    static func saysGatewayUnreachable(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.contains("gateway not reachable") || lower.contains("gateway closed")
            || lower.contains("econnrefused") || lower.contains("gateway connect failed")
            || lower.contains("showing config-only status") || lower.contains("gateway auth unavailable")
    }
}
