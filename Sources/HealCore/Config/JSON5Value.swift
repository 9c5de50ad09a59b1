import FoundationEssentials

/// A JSON5 document as a plain tree, so the config walker can see every key and every value's
/// type (and report all problems at once) instead of stopping at the first `Decodable` failure.
///
/// Why a tree of its own: the config is JSON5 (comments, unquoted keys, hex, `Infinity`), which
/// OpenClawKit's strict JSON reader rightly refuses, and HealCore sits below OpenClawKit; a config
/// file is small and is walked whole, so a tree costs nothing that matters here.
public indirect enum JSON5Value: Sendable, Equatable {
    case null
    case bool(Bool)
    /// Numbers that are whole and fit an `Int` (JSON5 `1`, `1.0`, `1e3`, `0x10`).
    case integer(Int)
    /// Every other number, including `Infinity` and `NaN`.
    case number(Double)
    case string(String)
    case array([JSON5Value])
    case object([String: JSON5Value])

    /// The value as an error message shows it after "got": short, and typed enough that the
    /// reader sees what was wrong (`"300"` is a string, `300` a number).
    public var shortDescription: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .integer(let i): return String(i)
        case .number(let d): return Self.render(d)
        case .string(let s): return Self.quote(s)
        case .array(let a): return a.isEmpty ? "an empty array" : "an array of \(a.count)"
        case .object: return "an object"
        }
    }

    /// The JSON type name used in "must be a ..." messages.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .integer, .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    static func render(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        return "\(d)"
    }

    /// Quotes and shortens a string for an error message (a pasted blob must not flood the log).
    static func quote(_ s: String, limit: Int = 80) -> String {
        var body = s.count > limit ? String(s.prefix(limit)) + "…" : s
        body = body.replacing("\\", with: "\\\\")
            .replacing("\"", with: "\\\"")
            .replacing("\n", with: "\\n")
            .replacing("\t", with: "\\t")
        return "\"\(body)\""
    }
}

extension JSON5Value: Decodable {
    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: AnyKey.self) {
            var members: [String: JSON5Value] = [:]
            for key in object.allKeys {
                members[key.stringValue] = try object.decode(JSON5Value.self, forKey: key)
            }
            self = .object(members)
            return
        }
        if var list = try? decoder.unkeyedContainer() {
            var items: [JSON5Value] = []
            while !list.isAtEnd { items.append(try list.decode(JSON5Value.self)) }
            self = .array(items)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() { self = .null; return }
        // Order matters: Foundation decodes `true` only as Bool and `1.5` only as Double, but a
        // whole number both as Int and as Double, and Int is what the config wants.
        if let b = try? single.decode(Bool.self) { self = .bool(b); return }
        if let i = try? single.decode(Int.self) { self = .integer(i); return }
        if let d = try? single.decode(Double.self) { self = .number(d); return }
        self = .string(try single.decode(String.self))
    }
}
