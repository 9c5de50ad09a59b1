import FoundationEssentials

/// Finds the JSON document in a CLI's stdout.
///
/// Older OpenClaw versions print plugin-loader log lines to stdout before the JSON, and those lines
/// may themselves contain `{` (`info {"plugin":"lossless-claw"} [lcm] …`), so a greedy
/// `\{[\s\S]*\}` match is wrong. The rule (docs/OPENCLAW.md §0.1): parse the whole output first; if that
/// fails, parse from each line that *begins* with `{` (or `[` for list commands) in turn, first to
/// the end of the output and then up to the last line that begins with the matching closer (a log
/// line printed after the JSON).
enum CLIJSON {
    /// How many candidate starting lines are tried before giving up (bounds the work on garbage).
    static let maxCandidates = 64

    static func parse(_ stdout: String, allowArray: Bool = false) -> JSONNode? {
        var text = stdout
        return text.withUTF8 { utf8 in parse(UnsafeRawBufferPointer(utf8), allowArray: allowArray) }
    }

    /// The same on the output's bytes: every attempt reads a slice in place, nothing is joined or copied
    /// until a document is found.
    static func parse(_ bytes: UnsafeRawBufferPointer, allowArray: Bool = false) -> JSONNode? {
        var start = 0, end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        if start == end { return nil }
        if let whole = read(bytes, start..<end) { return whole }

        var lineStarts: [Int] = [start]
        for index in start..<end where bytes[index] == 0x0A { lineStarts.append(index + 1) }
        var attempts = 0
        for (line, lineStart) in lineStarts.enumerated() {
            guard lineStart < end else { continue }
            let opener = bytes[lineStart]
            guard opener == UInt8(ascii: "{") || (allowArray && opener == UInt8(ascii: "[")) else { continue }
            attempts += 1
            if attempts > maxCandidates { break }
            if let value = read(bytes, lineStart..<end) { return value }
            // A log line printed after the JSON: stop at the last later line that begins with the closer.
            let closer = opener == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            guard let last = lineStarts[(line + 1)...].last(where: { $0 < end && bytes[$0] == closer }) else { continue }
            var lineEnd = last
            while lineEnd < end, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            guard lineEnd < end, let value = read(bytes, lineStart..<lineEnd) else { continue }
            return value
        }
        return nil
    }

    private static func read(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> JSONNode? {
        guard let document = try? LogJSONReader.document(UnsafeRawBufferPointer(rebasing: bytes[range])) else { return nil }
        return JSONNode(document: document, index: 0)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// The start of a non-JSON output, quoted in error messages.
    static func excerpt(_ text: String, limit: Int = 80) -> String {
        let flat = text.trimming(.whitespacesAndNewlines)
            .replacing("\n", with: " ⏎ ")
        return flat.count > limit ? String(flat.prefix(limit)) + "…" : flat
    }
}
