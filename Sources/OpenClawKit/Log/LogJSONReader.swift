/// A small, strict JSON reader for single log lines.
///
/// Only lines that passed the marker search reach it, so it favours clear errors and bounded work over
/// raw speed: nesting is capped (a hostile `[[[[…` line cannot exhaust the stack), strings are decoded
/// with their escapes and surrogate pairs, and invalid UTF-8 is replaced rather than rejected (a log
/// line is still worth reading when one byte in a message is damaged).
struct LogJSONReader {
    static let maxDepth = 64

    private let bytes: UnsafeRawBufferPointer
    private var index = 0

    private init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// Reads exactly one JSON value (surrounding whitespace allowed) from `bytes`.
    static func read(_ bytes: UnsafeRawBufferPointer) throws(LogJSONError) -> LogJSONValue {
        var reader = LogJSONReader(bytes)
        let value = try reader.readValue(depth: 0)
        reader.skipWhitespace()
        guard reader.index == bytes.count else { throw LogJSONError(kind: .trailingBytes, offset: reader.index) }
        return value
    }

    static func read(_ text: String) throws(LogJSONError) -> LogJSONValue {
        var copy = text
        let result = copy.withUTF8 { utf8 in
            Result { () throws(LogJSONError) in try read(UnsafeRawBufferPointer(utf8)) }
        }
        return try result.get()
    }

    // MARK: - Values

    private mutating func readValue(depth: Int) throws(LogJSONError) -> LogJSONValue {
        guard depth < Self.maxDepth else { throw LogJSONError(kind: .nestingTooDeep(limit: Self.maxDepth), offset: index) }
        skipWhitespace()
        let byte = try peek()
        switch byte {
        case UInt8(ascii: "{"): return try readObject(depth: depth)
        case UInt8(ascii: "["): return try readArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try readNumber())
        default: throw LogJSONError(kind: .unexpectedByte(byte), offset: index)
        }
    }

    private mutating func readObject(depth: Int) throws(LogJSONError) -> LogJSONValue {
        var members: [String: LogJSONValue] = [:]
        if try opensEmpty(closedBy: UInt8(ascii: "}")) { return .object(members) }
        repeat {
            try expectMemberKey()
            let key = try readString()
            try expectMemberColon()
            // Like JSON.parse, a repeated key keeps its last value.
            members[key] = try readValue(depth: depth + 1)
        } while try !closes(UInt8(ascii: "}"))
        return .object(members)
    }

    private mutating func readArray(depth: Int) throws(LogJSONError) -> LogJSONValue {
        var elements: [LogJSONValue] = []
        if try opensEmpty(closedBy: UInt8(ascii: "]")) { return .array(elements) }
        repeat {
            elements.append(try readValue(depth: depth + 1))
        } while try !closes(UInt8(ascii: "]"))
        return .array(elements)
    }

    // MARK: - Strings

    private mutating func readString() throws(LogJSONError) -> String {
        index += 1  // opening quote
        let start = index
        // Fast path: no escapes, so the bytes are the string.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw unexpected() }
            index += 1
        }
        guard index < bytes.count else { throw LogJSONError(kind: .unexpectedEnd, offset: index) }
        var decoded = Array(UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
        while true {
            let byte = try next()
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: decoded, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try readEscape(into: &decoded)
            case 0..<0x20:
                index -= 1
                throw unexpected()
            default:
                decoded.append(byte)
            }
        }
    }

    private mutating func readEscape(into decoded: inout [UInt8]) throws(LogJSONError) {
        let escapeOffset = index - 1
        let byte = try next()
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(byte)
        case UInt8(ascii: "b"): decoded.append(0x08)
        case UInt8(ascii: "f"): decoded.append(0x0C)
        case UInt8(ascii: "n"): decoded.append(0x0A)
        case UInt8(ascii: "r"): decoded.append(0x0D)
        case UInt8(ascii: "t"): decoded.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try readHex4()
            if (0xD800...0xDBFF).contains(scalar) {
                // A high surrogate needs its low half; a lone one becomes U+FFFD, as in a lossy decode.
                if index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                    index += 2
                    let low = try readHex4()
                    if (0xDC00...0xDFFF).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        appendScalar(0xFFFD, to: &decoded)
                        scalar = low
                    }
                } else {
                    scalar = 0xFFFD
                }
            }
            appendScalar(scalar, to: &decoded)
        default:
            throw LogJSONError(kind: .invalidEscape, offset: escapeOffset)
        }
    }

    private mutating func readHex4() throws(LogJSONError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = try next()
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw LogJSONError(kind: .invalidEscape, offset: index - 1)
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private func appendScalar(_ value: UInt32, to decoded: inout [UInt8]) {
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        decoded.append(contentsOf: UTF8.encode(scalar)!)
    }

    // MARK: - Numbers and literals

    private mutating func readNumber() throws(LogJSONError) -> Double {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard digits() > 0 else { throw LogJSONError(kind: .invalidNumber, offset: start) }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw LogJSONError(kind: .invalidNumber, offset: start) }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw LogJSONError(kind: .invalidNumber, offset: start) }
        }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let number = Double(text) else { throw LogJSONError(kind: .invalidNumber, offset: start) }
        return number
    }

    private mutating func digits() -> Int {
        let start = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        return index - start
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(LogJSONError) {
        for expected in UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount) {
            guard index < bytes.count else { throw LogJSONError(kind: .unexpectedEnd, offset: index) }
            guard bytes[index] == expected else { throw LogJSONError(kind: .unexpectedByte(bytes[index]), offset: index) }
            index += 1
        }
    }

    // MARK: - Cursor

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private func peek() throws(LogJSONError) -> UInt8 {
        guard index < bytes.count else { throw LogJSONError(kind: .unexpectedEnd, offset: index) }
        return bytes[index]
    }

    private mutating func next() throws(LogJSONError) -> UInt8 {
        let byte = try peek()
        index += 1
        return byte
    }

    private mutating func expect(_ byte: UInt8) throws(LogJSONError) {
        guard try peek() == byte else { throw unexpected() }
        index += 1
    }

    /// Steps over the `{` or `[` under the cursor and the whitespace after it; true, past the
    /// closer too, when the container is empty.
    private mutating func opensEmpty(closedBy closer: UInt8) throws(LogJSONError) -> Bool {
        index += 1
        skipWhitespace()
        guard try peek() == closer else { return false }
        index += 1
        return true
    }

    /// After a member or an element: a `,` (another follows) or the closer (true).
    private mutating func closes(_ closer: UInt8) throws(LogJSONError) -> Bool {
        skipWhitespace()
        let separator = try peek()
        index += 1
        if separator == closer { return true }
        guard separator == UInt8(ascii: ",") else { index -= 1; throw unexpected() }
        return false
    }

    /// A member starts with its key's opening quote.
    private mutating func expectMemberKey() throws(LogJSONError) {
        skipWhitespace()
        guard try peek() == UInt8(ascii: "\"") else { throw unexpected() }
    }

    private mutating func expectMemberColon() throws(LogJSONError) {
        skipWhitespace()
        try expect(UInt8(ascii: ":"))
    }

    private func unexpected() -> LogJSONError {
        guard index < bytes.count else { return LogJSONError(kind: .unexpectedEnd, offset: index) }
        return LogJSONError(kind: .unexpectedByte(bytes[index]), offset: index)
    }
}

// MARK: - Whole documents (the CLI's output)

/// The same grammar, escapes and errors as a log line, read onto a tape (`JSONDocument`) instead of a
/// tree: the CLI prints documents of megabytes of which the parsers read a few fields per element.
/// The reading is the same code as for a log line (cursor, string escapes and surrogates, literals,
/// number grammar); only where the values go differs, and strings without escapes are not copied.
extension LogJSONReader {
    /// Deep enough for any output the CLI prints (a handful of levels), the bound the decoder it
    /// replaced had, and shallow enough that the recursion cannot exhaust a thread's stack.
    static let documentMaxDepth = 512

    /// Reads exactly one JSON value (surrounding whitespace allowed) from `bytes` onto a tape.
    static func document(_ bytes: UnsafeRawBufferPointer, maxDepth: Int = documentMaxDepth) throws(LogJSONError) -> JSONDocument {
        var reader = LogJSONReader(bytes)
        var tape = JSONDocumentTape(expectedBytes: bytes.count)
        try reader.readEntry(into: &tape, depth: 0, maxDepth: maxDepth)
        reader.skipWhitespace()
        guard reader.index == bytes.count else { throw LogJSONError(kind: .trailingBytes, offset: reader.index) }
        return JSONDocument(bytes: Array(bytes), entries: tape.entries, decoded: tape.decoded)
    }

    private mutating func readEntry(into tape: inout JSONDocumentTape, depth: Int, maxDepth: Int) throws(LogJSONError) {
        guard depth < maxDepth else { throw LogJSONError(kind: .nestingTooDeep(limit: maxDepth), offset: index) }
        skipWhitespace()
        let byte = try peek()
        switch byte {
        case UInt8(ascii: "{"):
            let slot = tape.open(.object, at: index)
            var count = 0
            if try !opensEmpty(closedBy: UInt8(ascii: "}")) {
                repeat {
                    try expectMemberKey()
                    try readStringEntry(into: &tape)
                    try expectMemberColon()
                    try readEntry(into: &tape, depth: depth + 1, maxDepth: maxDepth)
                    count += 1
                } while try !closes(UInt8(ascii: "}"))
            }
            tape.close(slot, count: count)
        case UInt8(ascii: "["):
            let slot = tape.open(.array, at: index)
            var count = 0
            if try !opensEmpty(closedBy: UInt8(ascii: "]")) {
                repeat {
                    try readEntry(into: &tape, depth: depth + 1, maxDepth: maxDepth)
                    count += 1
                } while try !closes(UInt8(ascii: "]"))
            }
            tape.close(slot, count: count)
        case UInt8(ascii: "\""):
            try readStringEntry(into: &tape)
        case UInt8(ascii: "t"):
            try readLiteralEntry("true", .true, into: &tape)
        case UInt8(ascii: "f"):
            try readLiteralEntry("false", .false, into: &tape)
        case UInt8(ascii: "n"):
            try readLiteralEntry("null", .null, into: &tape)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try readNumberEntry(into: &tape)
        default:
            throw LogJSONError(kind: .unexpectedByte(byte), offset: index)
        }
    }

    private mutating func readLiteralEntry(_ literal: StaticString, _ kind: JSONDocument.Kind,
                                           into tape: inout JSONDocumentTape) throws(LogJSONError) {
        let start = index
        try expectLiteral(literal)
        tape.scalar(kind, start: start, end: index)
    }

    /// A string without escapes is only located; one with escapes is decoded by `readString`.
    private mutating func readStringEntry(into tape: inout JSONDocumentTape) throws(LogJSONError) {
        let quote = index
        let start = index + 1
        var cursor = start
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\"") {
                tape.scalar(.string, start: start, end: cursor, aux: -1)
                index = cursor + 1
                return
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { index = cursor; throw unexpected() }
            cursor += 1
        }
        guard cursor < bytes.count else { throw LogJSONError(kind: .unexpectedEnd, offset: cursor) }
        index = quote
        let text = try readString()
        tape.escapedString(text, start: start, end: index - 1)
    }

    /// The number grammar of `readNumber`; the value is read when a parser asks for it.
    private mutating func readNumberEntry(into tape: inout JSONDocumentTape) throws(LogJSONError) {
        let start = index
        var integer = true
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard digits() > 0 else { throw LogJSONError(kind: .invalidNumber, offset: start) }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            integer = false
            index += 1
            guard digits() > 0 else { throw LogJSONError(kind: .invalidNumber, offset: start) }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            integer = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw LogJSONError(kind: .invalidNumber, offset: start) }
        }
        tape.scalar(.number, start: start, end: index, aux: integer ? 1 : 0)
    }
}
