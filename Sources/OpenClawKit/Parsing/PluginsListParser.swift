import HealCore

/// Reads `openclaw plugins list --json` (docs/OPENCLAW.md §3): `{workspaceDir, plugins: [PluginRecord], diagnostics}`
/// (or a bare array). Status is `loaded|disabled|error` on older versions; newer ones add
/// `configured-unavailable` (quarantined at boot) and may add others, kept verbatim for the policy
/// to read. `origin` and `channelIds` say whether the plugin is bundled or a channel's own.
public enum PluginsListParser: OpenClawJSONCommand {
    public static let command = "plugins list --json"

    public static func parse(stdout: String) throws(OpenClawOutputError) -> [PluginObservation] {
        let value = try CLIOutput.objectOrArray(stdout, command: command)
        return try CLIOutput.records(value, key: "plugins", command: command) { plugin, place throws(OpenClawOutputError) in
            let id = try CLIOutput.id(of: plugin, at: place, command: command)
            let status = plugin["status"]?.string
            let enabled = plugin["enabled"]?.bool ?? (status != "disabled")
            return PluginObservation(id: id, name: plugin["name"]?.string ?? id, enabled: enabled,
                                     status: status ?? (enabled ? "loaded" : "disabled"),
                                     error: plugin["error"]?.string, origin: plugin["origin"]?.string,
                                     channelIds: plugin["channelIds"]?.array?.compactMap(\.string) ?? [])
        }
    }
}
