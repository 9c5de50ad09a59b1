import FoundationEssentials

/// One value of a CLI output (or another whole JSON document the healer reads: sessions.json, the
/// gateway's health answer), as a position on the tape `LogJSONReader.document` produced. Not a tree
/// of its own: the document is read once, and walking it costs no allocation until a parser asks
/// for a string, an array of elements or a dictionary.
///
/// Strict like the decoder it replaced: a boolean is never read from a number or a string, and an
/// integer keeps all its digits (`int64`), so the parsers can walk OpenClaw's loosely versioned
/// payloads field by field and tell a wrong type from a missing field.
struct JSONNode: Sendable {
    let document: JSONDocument
    let index: Int

    init(document: JSONDocument, index: Int) {
        self.document = document; self.index = index
    }

    /// Reads one whole JSON document.
    static func parse(_ bytes: UnsafeRawBufferPointer) throws(LogJSONError) -> JSONNode {
        JSONNode(document: try LogJSONReader.document(bytes), index: 0)
    }

    static func parse(_ text: String) throws(LogJSONError) -> JSONNode {
        var copy = text
        let result = copy.withUTF8 { utf8 in
            Result { () throws(LogJSONError) in try parse(UnsafeRawBufferPointer(utf8)) }
        }
        return try result.get()
    }

    static func decode(_ data: Data) throws(LogJSONError) -> JSONNode {
        let result = data.withUnsafeBytes { raw in
            Result { () throws(LogJSONError) in try parse(raw) }
        }
        return try result.get()
    }

    private var entry: JSONDocument.Entry { document.entries[index] }
    var kind: JSONDocument.Kind { entry.kind }

    // MARK: - Containers

    /// The member named `key`; like `JSON.parse`, a repeated key answers its last value.
    subscript(key: String) -> JSONNode? {
        guard entry.kind == .object else { return nil }
        var found: Int?
        var cursor = index + 1
        let end = entry.end
        while cursor < end {
            let value = cursor + 1
            if document.string(at: cursor, equals: key) { found = value }
            cursor = document.next(after: value)
        }
        return found.map { JSONNode(document: document, index: $0) }
    }

    /// An object's members in document order (repeats included).
    var members: [(key: String, value: JSONNode)]? {
        guard entry.kind == .object else { return nil }
        var result: [(key: String, value: JSONNode)] = []
        result.reserveCapacity(entry.aux)
        var cursor = index + 1
        while cursor < entry.end {
            result.append((document.string(at: cursor), JSONNode(document: document, index: cursor + 1)))
            cursor = document.next(after: cursor + 1)
        }
        return result
    }

    /// An object's members by name (a repeated key keeps its last value).
    var object: [String: JSONNode]? {
        guard let members else { return nil }
        return Dictionary(members, uniquingKeysWith: { _, last in last })
    }

    var array: [JSONNode]? {
        guard entry.kind == .array else { return nil }
        var result: [JSONNode] = []
        result.reserveCapacity(entry.aux)
        var cursor = index + 1
        while cursor < entry.end {
            result.append(JSONNode(document: document, index: cursor))
            cursor = document.next(after: cursor)
        }
        return result
    }

    var isObject: Bool { entry.kind == .object }
    var isArray: Bool { entry.kind == .array }

    // MARK: - Scalars

    var string: String? { entry.kind == .string ? document.string(at: index) : nil }

    var bool: Bool? {
        switch entry.kind {
        case .true: return true
        case .false: return false
        default: return nil
        }
    }

    var isNull: Bool { entry.kind == .null }

    /// A whole number: written as an integer that fits, or as a fraction or exponent whose value is
    /// whole and within range (`1.0`, `1e3`).
    var int64: Int64? {
        guard entry.kind == .number else { return nil }
        if let exact = document.exactInteger(at: index) { return exact }
        guard let value = Double(document.numberText(at: index)), value.rounded() == value, abs(value) < 9.2e18 else { return nil }
        return Int64(value)
    }

    var int: Int? { int64.flatMap { Int(exactly: $0) } }

    /// Any number that a `Double` represents (`1e400` is too large and answers nil).
    var double: Double? {
        guard entry.kind == .number else { return nil }
        if let exact = document.exactInteger(at: index) { return Double(exact) }
        guard let value = Double(document.numberText(at: index)), value.isFinite else { return nil }
        return value
    }

    /// A short name of the value's kind, for error messages.
    var kindName: String {
        switch entry.kind {
        case .null: return "null"
        case .true, .false: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
