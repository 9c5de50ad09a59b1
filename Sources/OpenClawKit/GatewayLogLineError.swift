/// Why a gateway log line could not be read.
public enum GatewayLogLineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The line starts like a JSON object but is not valid JSON (truncated, damaged, …).
    case malformedJSON(String)
    /// The line is valid JSON but not an object, so it is no tslog record.
    case notAnObject

    public var description: String {
        switch self {
        case .malformedJSON(let detail): return "malformed JSON log line: \(detail)"
        case .notAnObject: return "JSON log line is not an object"
        }
    }
}
