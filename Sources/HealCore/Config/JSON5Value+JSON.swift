import FoundationEssentials

/// The same tree for plain JSON: read from a request body or a rendered snapshot, written back out
/// (FoundationEssentials has no `JSONSerialization`; its coders handle the rest).
extension JSON5Value: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var single = encoder.singleValueContainer()
        switch self {
        case .null: try single.encodeNil()
        case .bool(let b): try single.encode(b)
        case .integer(let i): try single.encode(i)
        case .number(let d): try single.encode(d)
        case .string(let s): try single.encode(s)
        case .array(let a): try single.encode(a)
        case .object(let o): try single.encode(o)
        }
    }

    /// Parses strict JSON (RFC 8259), not JSON5.
    public static func parseJSON(_ bytes: [UInt8]) throws -> JSON5Value {
        try JSONDecoder().decode(JSON5Value.self, from: Data(bytes))
    }

    /// Compact JSON with sorted keys; `escapingSlashes` false writes `/` as itself.
    public func jsonBytes(escapingSlashes: Bool = true) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = escapingSlashes ? [.sortedKeys] : [.sortedKeys, .withoutEscapingSlashes]
        // Every case encodes (a non-finite number as a string, as no JSON has one).
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return (try? Array(encoder.encode(self))) ?? Array("null".utf8)
    }
}
