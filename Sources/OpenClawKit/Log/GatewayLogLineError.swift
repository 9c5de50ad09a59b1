/// Why a gateway log line could not be read.
public enum GatewayLogLineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The line starts like a JSON object but is not valid JSON (truncated, damaged, …).
    case malformedJSON(String)

    public var description: String {
        switch self {
        case .malformedJSON(let detail): return "malformed JSON log line: \(detail)"
        }
    }
}
