/// A config that could not be used: where it was read from and every problem found in it.
public struct ConfigLoadFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var source: ConfigSource
    public var errors: [ConfigError]

    public init(source: ConfigSource, errors: [ConfigError]) {
        self.source = source; self.errors = errors
    }

    /// One line per error, each starting with the file it is in.
    public var lines: [String] {
        errors.map { error in
            guard let prefix = source.errorPrefix else { return error.description }
            return error.key.isEmpty ? "\(prefix): \(error.message)" : "\(prefix): \(error.description)"
        }
    }

    public var description: String { lines.joined(separator: "\n") }
}
