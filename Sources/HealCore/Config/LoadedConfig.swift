/// A validated config and where it came from.
public struct LoadedConfig: Sendable, Equatable {
    public var config: HealConfig
    public var source: ConfigSource
    public init(config: HealConfig, source: ConfigSource) {
        self.config = config; self.source = source
    }
}
