/// The second link of the source chain: the plugin's config block inside `openclaw.json`.
extension ConfigLoader {
    static let pluginEntryPath = ["plugins", "entries", ConfigSource.pluginEntryId]

    enum PluginEntryOutcome {
        case found(LoadedConfig)
        /// Nothing to read there; `note` says why (for the defaults' source).
        case absent(note: String)
    }

    /// The config from the plugin entry, or why there is none; throws when the entry is there but
    /// invalid.
    static func loadPluginEntry(from openclawConfig: String, environment: ConfigEnvironment) throws(ConfigLoadFailure) -> PluginEntryOutcome {
        let source = ConfigSource.openclawPlugin(path: openclawConfig)
        let prefix = "no config file given; "
        let text: String
        switch ConfigFileReader.read(openclawConfig, limit: maxOpenClawConfigBytes) {
        case .failure(.missing): return .absent(note: prefix + "\(openclawConfig) does not exist")
        case .failure(let failure): return .absent(note: prefix + "\(openclawConfig): \(failure)")
        case .success(let t): text = t
        }
        let root: JSON5Value
        do {
            root = try JSON5.parse(text)
        } catch {
            return .absent(note: prefix + "\(openclawConfig) is not valid JSON5 (\(error)), so its plugin entry was not read")
        }
        let entryName = "plugins.entries[\"\(ConfigSource.pluginEntryId)\"]"
        guard let entry = lookup(root, pluginEntryPath) else {
            return .absent(note: prefix + "\(openclawConfig) has no \(entryName)")
        }
        guard case .object(let entryMembers) = entry else {
            throw ConfigLoadFailure(source: source, errors: [ConfigError(
                key: "", message: "\(entryName) must be an object, got \(entry.shortDescription)")])
        }
        guard let pluginConfig = entryMembers["config"] else {
            return .absent(note: prefix + "\(openclawConfig) has no \(entryName).config")
        }

        let keyPrefix = (pluginEntryPath + ["config"]).joined(separator: ".") + "."
        let duplicates = JSON5.duplicateKeys(in: text).compactMap { dup -> JSON5DuplicateKey? in
            guard dup.path.hasPrefix(keyPrefix) else { return nil }
            var inner = dup
            inner.path = String(dup.path.dropFirst(keyPrefix.count))
            return inner
        }
        switch ConfigDecoder.decode(pluginConfig, home: environment.homeDirectory, duplicates: duplicates) {
        case .failure(let problems):
            throw ConfigLoadFailure(source: source, errors: problems.errors)
        case .success(var config):
            if case .object(let members) = pluginConfig, members["configFile"] == nil {
                config.configFile = openclawConfig
            }
            return .found(LoadedConfig(config: config, source: source))
        }
    }

    /// The value at `path` through nested objects, or nil when any step is missing or not an
    /// object (a malformed `plugins` section is OpenClaw's to report, not the healer's).
    private static func lookup(_ value: JSON5Value, _ path: [String]) -> JSON5Value? {
        var current = value
        for name in path {
            guard case .object(let members) = current, let next = members[name] else { return nil }
            current = next
        }
        return current
    }
}
