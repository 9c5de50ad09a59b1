/// A `--log-level` value that names no level.
public struct InvalidLogLevelError: Error, Equatable, Sendable, CustomStringConvertible {
    public let input: String

    public init(input: String) {
        self.input = input
    }

    public var description: String {
        "invalid log level \"\(input)\": expected one of trace, debug, info, notice, warning, error, critical"
    }
}
