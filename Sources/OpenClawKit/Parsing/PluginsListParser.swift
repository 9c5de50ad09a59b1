import HealCore

/// Reads `openclaw plugins list --json` (docs/OPENCLAW.md §3): `{workspaceDir, plugins: [PluginRecord], diagnostics}`
/// (or a bare array). Status is `loaded|disabled|error` on older versions; newer ones add
/// `configured-unavailable` (quarantined at boot) and may add others, kept verbatim for the policy
/// to read. `origin` and `channelIds` say whether the plugin is bundled or a channel's own.
public enum PluginsListParser {
    public static let command = "plugins list --json"

    public static func parse(_ result: CommandResult) throws(OpenClawOutputError) -> [PluginObservation] {
        try CLIOutput.requireExitZero(result, command: command)
        return try parse(stdout: result.stdout)
    }

    public static func parse(stdout: String) throws(OpenClawOutputError) -> [PluginObservation] {
        let value = try CLIOutput.objectOrArray(stdout, command: command)
        guard let plugins = value.array ?? value["plugins"]?.array else {
            throw OpenClawOutputError(command: command, problem: .unexpectedShape("expected a \"plugins\" array"))
        }
        var result: [PluginObservation] = []
        for (index, plugin) in plugins.enumerated() {
            guard plugin.isObject else {
                throw OpenClawOutputError(command: command, problem: .unexpectedShape("plugins[\(index)] is \(plugin.kindName), not an object"))
            }
            guard let id = plugin["id"]?.string, !id.isEmpty else {
                throw OpenClawOutputError(command: command, problem: .unexpectedShape("plugins[\(index)] has no \"id\""))
            }
            let status = plugin["status"]?.string
            let enabled = plugin["enabled"]?.bool ?? (status != "disabled")
            result.append(PluginObservation(id: id, name: plugin["name"]?.string ?? id, enabled: enabled,
                                            status: status ?? (enabled ? "loaded" : "disabled"),
                                            error: plugin["error"]?.string, origin: plugin["origin"]?.string,
                                            channelIds: plugin["channelIds"]?.array?.compactMap(\.string) ?? []))
        }
        return result
    }
}
