/// One JSON document as `LogJSONReader.document` read it: the bytes, and a flat tape with one entry
/// per value in document order. `JSONNode` is a position on this tape.
///
/// Why not a tree: the CLI's outputs are large (`cron list --all --json` is about 0.6 to 0.9 KiB a job,
/// megabytes at thousands of jobs) and the parsers read a handful of fields of each element. A tree
/// would allocate a dictionary per object and a string per key and value up front; the tape is two
/// arrays, strings are decoded when a parser asks for them, and numbers keep their exact text.
final class JSONDocument: Sendable {
    enum Kind: UInt8, Sendable {
        case null, `true`, `false`, number, string, array, object
    }

    /// One value. For a string or a number, `start..<end` are its bytes (a string's without the
    /// quotes); for an array or an object, `start` is the byte of its opener and `end` the tape index
    /// just past its last descendant, so a whole subtree is skipped in one step.
    struct Entry: Sendable {
        var kind: Kind
        var start: Int
        var end: Int
        /// An array's element count, an object's member count; a string's index in `decoded` when it
        /// had escapes (-1 when its bytes are the string); 1 for a number written as a plain integer.
        var aux: Int
    }

    let bytes: [UInt8]
    let entries: [Entry]
    /// The strings that had escapes, decoded once while reading (they are rare in CLI output).
    let decoded: [String]

    init(bytes: [UInt8], entries: [Entry], decoded: [String]) {
        self.bytes = bytes; self.entries = entries; self.decoded = decoded
    }

    /// The tape index after the value at `index` and everything inside it.
    func next(after index: Int) -> Int {
        let entry = entries[index]
        switch entry.kind {
        case .array, .object: return entry.end
        default: return index + 1
        }
    }

    func string(at index: Int) -> String {
        let entry = entries[index]
        if entry.aux >= 0 { return decoded[entry.aux] }
        return bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[entry.start..<entry.end]), as: UTF8.self)
        }
    }

    /// Whether the string at `index` is exactly `key`, without building a `String`.
    func string(at index: Int, equals key: String) -> Bool {
        let entry = entries[index]
        guard entry.kind == .string else { return false }
        if entry.aux >= 0 { return decoded[entry.aux] == key }
        guard entry.end - entry.start == key.utf8.count else { return false }
        var key = key
        return key.withUTF8 { wanted in
            bytes.withUnsafeBufferPointer { buffer in
                UnsafeBufferPointer(rebasing: buffer[entry.start..<entry.end]).elementsEqual(wanted)
            }
        }
    }

    /// The number's text exactly as written.
    func numberText(at index: Int) -> String {
        let entry = entries[index]
        return bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[entry.start..<entry.end]), as: UTF8.self)
        }
    }

    /// A number written as a plain integer that fits an `Int64`, read from its digits (no rounding
    /// through `Double`, so `9007199254740993` stays itself).
    func exactInteger(at index: Int) -> Int64? {
        let entry = entries[index]
        guard entry.aux == 1 else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int64? in
            var cursor = entry.start
            let negative = buffer[cursor] == UInt8(ascii: "-")
            if negative { cursor += 1 }
            var value: Int64 = 0
            while cursor < entry.end {
                let digit = Int64(buffer[cursor] &- UInt8(ascii: "0"))
                // Accumulate downwards so Int64.min (one more than Int64.max in magnitude) fits.
                let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (next, overflow2) = times10.subtractingReportingOverflow(digit)
                if overflow1 || overflow2 { return nil }
                value = next
                cursor += 1
            }
            if negative { return value }
            return value == .min ? nil : -value
        }
    }
}
