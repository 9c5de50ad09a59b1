/// One problem with a config: the dotted key it concerns and what is wrong, with the allowed
/// values and the value found (`cooldownMinutes: must be between 1 and 10080, got 0`).
///
/// A problem with the file as a whole (unreadable, not JSON5) has an empty `key` and names the
/// file in its message.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public var key: String
    public var message: String

    public init(key: String, message: String) {
        self.key = key; self.message = message
    }

    public var description: String { key.isEmpty ? message : "\(key): \(message)" }
}
