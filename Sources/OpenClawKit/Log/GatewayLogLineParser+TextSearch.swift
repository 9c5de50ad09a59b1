import Glibc

/// Substring search on UTF-8 bytes. Foundation's `range(of:)` compares through CFString and
/// grapheme clusters and was most of the cost of reading a failure line. UTF-8 is self-synchronising,
/// so a byte match of a whole needle always starts and ends on scalar boundaries; the needles here
/// (`All models failed`, ` | `, `…`) have no combining marks, so no canonical-equivalence subtlety
/// is lost.
extension GatewayLogLineParser {
    static func firstRange(of needle: String, in text: Substring, backwards: Bool = false) -> Range<Substring.Index>? {
        let pattern = Array(needle.utf8)
        let utf8 = text.utf8
        guard let first = pattern.first else { return nil }
        let found: Int?? = utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard bytes.count >= pattern.count, let base = bytes.baseAddress else { return nil }
            let lastStart = bytes.count - pattern.count
            return pattern.withUnsafeBytes { needleBytes -> Int? in
                if backwards {
                    var start = lastStart
                    while start >= 0 {
                        if base[start] == first, memcmp(base + start, needleBytes.baseAddress!, pattern.count) == 0 { return start }
                        start -= 1
                    }
                    return nil
                }
                var start = 0
                while start <= lastStart {
                    guard let hit = memchr(base + start, Int32(first), lastStart - start + 1) else { return nil }
                    let offset = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + offset, needleBytes.baseAddress!, pattern.count) == 0 { return offset }
                    start = offset + 1
                }
                return nil
            }
        }
        let offset: Int?
        if let found {
            offset = found
        } else {
            // Not contiguous (a bridged or shared string): copy once and search the copy.
            var copy = String(text)
            copy.makeContiguousUTF8()
            guard let range = firstRange(of: needle, in: copy[...], backwards: backwards) else { return nil }
            offset = copy.utf8.distance(from: copy.startIndex, to: range.lowerBound)
        }
        guard let offset else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: pattern.count)
    }

    /// `text` without leading and trailing spaces and tabs (and line breaks, with `newlines`),
    /// compared as bytes, not graphemes.
    static func trimmingSpaces(_ text: Substring, newlines: Bool = false) -> Substring {
        let utf8 = text.utf8
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || newlines && (byte == 0x0A || byte == 0x0D) }
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, isSpace(utf8[start]) { utf8.formIndex(after: &start) }
        while end > start {
            let before = utf8.index(before: end)
            guard isSpace(utf8[before]) else { break }
            end = before
        }
        return text[start..<end]
    }

    /// `text` without its last `count` bytes (which must end on a scalar boundary).
    static func droppingLastBytes(_ count: Int, of text: Substring) -> Substring {
        text[..<text.utf8.index(text.utf8.endIndex, offsetBy: -count)]
    }

    static func contains(_ needle: String, in text: some StringProtocol) -> Bool {
        firstRange(of: needle, in: Substring(text)) != nil
    }
}
