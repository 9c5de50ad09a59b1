import HealCore

/// The `serve` command's flags; each overrides the config file.
public struct ServeOptions: Sendable, Equatable {
    public var configPath: String?
    public var listen: String?
    public var openclawBin: String?
    public var stateDir: String?
    public var dryRun: Bool
    public var environment: [String: String]

    public init(configPath: String? = nil, listen: String? = nil, openclawBin: String? = nil,
                stateDir: String? = nil, dryRun: Bool = false, environment: [String: String] = [:]) {
        self.configPath = configPath; self.listen = listen; self.openclawBin = openclawBin
        self.stateDir = stateDir; self.dryRun = dryRun; self.environment = environment
    }

    /// Applies the flags to a loaded config. `--state-dir` moves every file the healer writes (state,
    /// status, audit, token) into that directory.
    public func apply(to config: HealConfig) -> HealConfig {
        var config = config
        if let listen { config.server.listen = listen }
        if let openclawBin { config.openclaw.bin = openclawBin }
        if dryRun { config.dryRun = true }
        if let stateDir {
            let dir = stateDir.hasSuffix("/") ? String(stateDir.dropLast()) : stateDir
            config.stateFile = dir + "/self-heal-state.json"
            config.statusFile = dir + "/self-heal-status.json"
            config.auditFile = dir + "/self-heal-audit.jsonl"
            config.server.tokenFile = dir + "/self-heal.token"
        }
        return config
    }
}
