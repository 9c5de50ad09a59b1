import HealCore

/// Reads `openclaw config validate [--json]` (docs/OPENCLAW.md §7): exit 0 with `Config valid: <path>`, or the
/// issues and a non-zero exit. The `--json` shape is not verified; `valid`/`ok` booleans and an
/// `issues`/`errors` array are accepted.
public enum ConfigValidateParser {
    public static let command = "config validate"

    public static func parse(_ result: CommandResult) throws(OpenClawOutputError) -> ConfigFileObservation {
        try CLIOutput.requireCompleted(result, command: command)
        let text = (result.stdout + "\n" + result.stderr).trimming(.whitespacesAndNewlines)
        if let payload = CLIJSON.parse(result.stdout)?.object {
            let valid = payload["valid"]?.bool ?? payload["ok"]?.bool
            if valid == true && result.exitCode == 0 { return .valid }
            if valid == false || result.exitCode != 0 {
                let issues = (payload["issues"] ?? payload["errors"])?.array?.compactMap(issueText) ?? []
                return classifyFailure(issues.isEmpty ? text : issues.joined(separator: "; "))
            }
        }
        if result.exitCode == 0 {
            if text.contains("Config valid") { return .valid }
            throw OpenClawOutputError(command: command, problem: .notJSON(expected: "'Config valid: <path>'", excerpt: CLIJSON.excerpt(text)))
        }
        return classifyFailure(text)
    }

    private static func issueText(_ issue: JSONNode) -> String? {
        if let text = issue.string { return text }
        guard let message = issue["message"]?.string else { return nil }
        if let path = issue["path"]?.string { return "\(path): \(message)" }
        if let parts = issue["path"]?.array?.compactMap({ $0.string ?? $0.int.map(String.init) }), !parts.isEmpty {
            return "\(parts.joined(separator: ".")): \(message)"
        }
        return message
    }

    private static func classifyFailure(_ text: String) -> ConfigFileObservation {
        let lower = text.lowercased()
        if lower.contains("enoent") || lower.contains("no such file") || lower.contains("config file not found") {
            return .missing
        }
        let lines = text.split(separator: "\n").map { $0.trimming(.whitespaces) }.filter { !$0.isEmpty }
        return .invalid(lines.prefix(10).joined(separator: "; "))
    }
}
