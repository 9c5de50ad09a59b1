/// Where OpenClaw keeps its config, resolved the way OpenClaw does (its `docs/help/environment.md`):
/// `OPENCLAW_CONFIG_PATH`, else `openclaw.json` in the state directory, which is
/// `OPENCLAW_STATE_DIR`, else `~/.openclaw` (or `~/.openclaw-<profile>` with `OPENCLAW_PROFILE`),
/// where `~` is `OPENCLAW_HOME` when set, else the user's home.
public enum OpenClawPaths {
    /// nil when no home directory is known and no variable names the file.
    public static func configFile(environment: ConfigEnvironment) -> String? {
        let env = environment.variables
        let home = nonEmpty(env["OPENCLAW_HOME"]).flatMap { expand($0, home: environment.homeDirectory) }
            ?? environment.homeDirectory
        if let explicit = nonEmpty(env["OPENCLAW_CONFIG_PATH"]) { return expand(explicit, home: home) }
        if let stateDir = nonEmpty(env["OPENCLAW_STATE_DIR"]) {
            return expand(stateDir, home: home).map { ConfigPath.join($0, "openclaw.json") }
        }
        guard let home else { return nil }
        var dirName = ".openclaw"
        if let profile = nonEmpty(env["OPENCLAW_PROFILE"]), profile != "default" { dirName += "-\(profile)" }
        return ConfigPath.join(ConfigPath.join(home, dirName), "openclaw.json")
    }

    private static func nonEmpty(_ s: String?) -> String? {
        guard let s, !s.isEmpty else { return nil }
        return s
    }

    /// `~` and `$HOME` expanded; a relative value is taken as it is (OpenClaw resolves it against
    /// its working directory, which the healer cannot know), so it is returned unchanged.
    private static func expand(_ path: String, home: String?) -> String? {
        switch ConfigPath.expand(path, home: home) {
        case .success(let p): return p
        case .failure(.relative): return path
        case .failure: return nil
        }
    }
}
