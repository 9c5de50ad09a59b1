import HealCore

/// Where the running config comes from, so `POST /reload` and SIGHUP read the same place again
/// with the same command-line overrides.
public struct DaemonConfigSource: Sendable {
    public var options: ServeOptions

    public init(options: ServeOptions) { self.options = options }

    public struct Loaded: Sendable {
        public var config: HealConfig
        public var origin: String
    }

    /// Loads, validates and applies the flags; throws every validation error at once.
    public func load() throws(ConfigLoadFailure) -> Loaded {
        let environment = options.environment.isEmpty ? ConfigEnvironment.current()
            : ConfigEnvironment(variables: options.environment)
        let loaded = try ConfigLoader.load(path: options.configPath, environment: environment)
        return Loaded(config: options.apply(to: loaded.config), origin: loaded.source.description)
    }
}
