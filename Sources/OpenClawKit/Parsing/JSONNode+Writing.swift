/// Writing values back out (the sessions.json patch) and building them (the patch's new fields,
/// tests). Numbers are written with the exact text they were read with, so a rewrite never rounds
/// a timestamp or a token count that the healer did not mean to touch.
extension JSONNode {
    static let null = JSONNode(writing: { $0.append(contentsOf: "null".utf8) })
    static func bool(_ value: Bool) -> JSONNode { JSONNode(writing: { $0.append(contentsOf: (value ? "true" : "false").utf8) }) }
    static func int(_ value: Int64) -> JSONNode { JSONNode(writing: { $0.append(contentsOf: String(value).utf8) }) }
    /// JSON has no infinity or NaN; those become `null`.
    static func double(_ value: Double) -> JSONNode {
        JSONNode(writing: { $0.append(contentsOf: (value.isFinite ? "\(value)" : "null").utf8) })
    }
    static func string(_ value: String) -> JSONNode { JSONNode(writing: { Self.writeString(value, into: &$0) }) }
    static func array(_ elements: [JSONNode]) -> JSONNode {
        JSONNode(writing: { out in
            out.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                element.write(into: &out, pretty: false, sortedKeys: false, depth: 0)
            }
            out.append(UInt8(ascii: "]"))
        })
    }
    static func object(_ members: [String: JSONNode]) -> JSONNode {
        JSONNode(writing: { out in Self.writeObject(members.map { ($0.key, $0.value) }, into: &out, pretty: false, sortedKeys: true, depth: 0) })
    }

    /// The value as JSON text; `pretty` is the layout sessions.json had when Foundation's
    /// `JSONEncoder` (`.prettyPrinted`) wrote it: two spaces a level, `"key" : value`.
    func jsonBytes(pretty: Bool = false, sortedKeys: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        write(into: &out, pretty: pretty, sortedKeys: sortedKeys, depth: 0)
        return out
    }

    private init(writing body: (inout [UInt8]) -> Void) {
        var out: [UInt8] = []
        body(&out)
        // The writer emits only valid JSON, and no deeper than the values it was given.
        let document = try! out.withUnsafeBytes { raw throws(LogJSONError) in try LogJSONReader.document(raw, maxDepth: .max) }
        self.init(document: document, index: 0)
    }

    private func write(into out: inout [UInt8], pretty: Bool, sortedKeys: Bool, depth: Int) {
        switch kind {
        case .null: out.append(contentsOf: "null".utf8)
        case .true: out.append(contentsOf: "true".utf8)
        case .false: out.append(contentsOf: "false".utf8)
        case .number: out.append(contentsOf: document.numberText(at: index).utf8)
        case .string: Self.writeString(string ?? "", into: &out)
        case .array:
            let elements = array ?? []
            if elements.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { Self.newline(into: &out, depth: depth + 1) }
                element.write(into: &out, pretty: pretty, sortedKeys: sortedKeys, depth: depth + 1)
            }
            if pretty { Self.newline(into: &out, depth: depth) }
            out.append(UInt8(ascii: "]"))
        case .object:
            var seen = Set<String>()
            // A repeated key is written once, with the value `object` answers for it (the last).
            let unique = (members ?? []).reversed().filter { seen.insert($0.key).inserted }.reversed()
            Self.writeObject(Array(unique), into: &out, pretty: pretty, sortedKeys: sortedKeys, depth: depth)
        }
    }

    private static func writeObject(_ members: [(String, JSONNode)], into out: inout [UInt8], pretty: Bool,
                                    sortedKeys: Bool, depth: Int) {
        if members.isEmpty { out.append(contentsOf: "{}".utf8); return }
        let ordered = sortedKeys ? members.sorted { $0.0 < $1.0 } : members
        out.append(UInt8(ascii: "{"))
        for (position, (key, value)) in ordered.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            if pretty { newline(into: &out, depth: depth + 1) }
            writeString(key, into: &out)
            out.append(contentsOf: (pretty ? " : " : ":").utf8)
            value.write(into: &out, pretty: pretty, sortedKeys: sortedKeys, depth: depth + 1)
        }
        if pretty { newline(into: &out, depth: depth) }
        out.append(UInt8(ascii: "}"))
    }

    private static func newline(into out: inout [UInt8], depth: Int) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    private static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case 0x0A: out.append(contentsOf: #"\n"#.utf8)
            case 0x0D: out.append(contentsOf: #"\r"#.utf8)
            case 0x09: out.append(contentsOf: #"\t"#.utf8)
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
