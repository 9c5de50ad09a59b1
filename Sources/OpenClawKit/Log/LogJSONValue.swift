import FoundationEssentials

/// A JSON value as read from one gateway log line.
///
/// The log's objects change shape between OpenClaw versions (positional keys, `_meta`, newer top-level
/// fields), so lines are read into this loose tree and the parser picks the fields it knows.
///
/// Why a tree beside `JSONNode` (the CLI's documents, on a tape from the same reader): a log line is
/// small and read whole, and its accessors are loose on purpose (`intValue` takes `"524"`,
/// `boolValue` takes `"true"`), where the CLI's readers must tell a wrong type from a right one.
enum LogJSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([LogJSONValue])
    case object([String: LogJSONValue])

    subscript(key: String) -> LogJSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var objectValue: [String: LogJSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    var boolValue: Bool? {
        switch self {
        case .bool(let flag): return flag
        case .string("true"): return true
        case .string("false"): return false
        default: return nil
        }
    }

    /// An integer written as a JSON number or as a decimal string (OpenClaw logs `httpCode` as `"524"`).
    var intValue: Int? {
        switch self {
        case .number(let number):
            return number.isFinite && number.rounded() == number && abs(number) < 1e15 ? Int(number) : nil
        case .string(let text):
            return Int(text.trimming(.whitespaces))
        default:
            return nil
        }
    }
}
