/// Loads the healer's config from the first source that exists:
///
/// 1. an explicit file (`--config FILE`): it must exist and be valid;
/// 2. with no file given, `plugins.entries["openclaw-self-healing"].config` inside OpenClaw's
///    `openclaw.json` (see `OpenClawPaths`), checked by the same rules, so users of the plugin
///    migrate without rewriting anything (the entry's `enabled` flag and any other sibling of
///    `config` belong to OpenClaw and are ignored);
/// 3. the embedded defaults, when neither exists. An `openclaw.json` that is missing, unreadable or
///    not JSON5 also leads here (the daemon must start beside a broken or absent OpenClaw; the
///    guard reports the broken file), and the source's note says why.
///
/// Every problem of the chosen source is reported at once. Paths in the result have `~` and
/// `$HOME` expanded. `auditFile` and `server.tokenFile` stay empty when not set (see
/// `resolvedAuditFile`, `resolvedTokenFile`). When the config does not set `configFile`, it is the
/// `openclaw.json` that OpenClaw itself would read (`OPENCLAW_CONFIG_PATH` and friends honoured),
/// so the guard checks the file the gateway really uses.
public enum ConfigLoader {
    /// The healer's own config is a few kilobytes.
    public static let maxConfigBytes = 1 << 20
    /// `openclaw.json` can hold many agents and channels; still bounded.
    public static let maxOpenClawConfigBytes = 16 << 20

    public static func load(path: String?, environment: ConfigEnvironment = .current()) throws(ConfigLoadFailure) -> LoadedConfig {
        if let path { return try loadFile(path, environment: environment) }
        guard let openclawConfig = OpenClawPaths.configFile(environment: environment) else {
            return try defaults(note: "no config file given, and no home directory to find openclaw.json in",
                                environment: environment, openclawConfig: nil)
        }
        switch try loadPluginEntry(from: openclawConfig, environment: environment) {
        case .found(let loaded): return loaded
        case .absent(let note): return try defaults(note: note, environment: environment, openclawConfig: openclawConfig)
        }
    }

    /// Validates a config text as if it had been read from `path` (used by tests and by callers
    /// that already hold the text).
    public static func load(text: String, path: String, environment: ConfigEnvironment = .current()) throws(ConfigLoadFailure) -> LoadedConfig {
        let source = ConfigSource.file(path: path)
        let root: JSON5Value
        do {
            root = try JSON5.parse(text)
        } catch {
            throw ConfigLoadFailure(source: source, errors: [ConfigError(key: "", message: "not valid JSON5: \(error)")])
        }
        switch ConfigDecoder.decode(root, home: environment.homeDirectory, duplicates: JSON5.duplicateKeys(in: text)) {
        case .failure(let problems):
            throw ConfigLoadFailure(source: source, errors: problems.errors)
        case .success(var config):
            if case .object(let members) = root, members["configFile"] == nil,
               let openclawConfig = OpenClawPaths.configFile(environment: environment) {
                config.configFile = openclawConfig
            }
            return LoadedConfig(config: config, source: source)
        }
    }

    private static func loadFile(_ path: String, environment: ConfigEnvironment) throws(ConfigLoadFailure) -> LoadedConfig {
        // systemd's ExecStart does not expand `~`; accept it here as the keys do.
        let expanded = (try? ConfigPath.expand(path, home: environment.homeDirectory).get()) ?? path
        let source = ConfigSource.file(path: expanded)
        switch ConfigFileReader.read(expanded, limit: maxConfigBytes) {
        case .failure(let failure):
            throw ConfigLoadFailure(source: source, errors: [ConfigError(key: "", message: "\(failure)")])
        case .success(let text):
            return try load(text: text, path: expanded, environment: environment)
        }
    }

    static func defaults(note: String, environment: ConfigEnvironment, openclawConfig: String?) throws(ConfigLoadFailure) -> LoadedConfig {
        let source = ConfigSource.defaults(note: note)
        switch ConfigDecoder.decode(.object([:]), home: environment.homeDirectory) {
        case .failure(let problems):
            throw ConfigLoadFailure(source: source, errors: problems.errors)
        case .success(var config):
            if let openclawConfig { config.configFile = openclawConfig }
            return LoadedConfig(config: config, source: source)
        }
    }
}
