/// One way an error text can match a failure class. Texts are lower-cased before matching, so
/// every pattern is written in lower case.
enum TextPattern: Sendable {
    /// A plain substring.
    case contains(String)
    /// A word or phrase with no letter, digit or `_` right before or after it (`\bword\b`
    /// without the cost of a regex).
    case word(String)
    /// An HTTP status written as a standalone number (see `StatusToken`).
    case status(Int)
    case regex(SharedRegex<Substring>)

    /// A regex pattern (`.regex(#/…/#)` reads as the literal it wraps).
    static func regex(_ r: Regex<Substring>) -> TextPattern { .regex(SharedRegex(r)) }

    func matches(_ text: String) -> Bool {
        switch self {
        case .contains(let s): return text.contains(s)
        case .word(let w): return TextScan.containsWord(text, w)
        case .status(let code): return StatusToken.occurs(code, in: text)
        case .regex(let r): return text.contains(r.regex)
        }
    }
}

extension Array where Element == TextPattern {
    func matches(_ text: String) -> Bool { contains { $0.matches(text) } }
}

enum TextScan {
    /// Whether `word` occurs in `text` with a non-word character (or the text's end) on each side.
    static func containsWord(_ text: String, _ word: String) -> Bool {
        let hay = Array(text.utf8), needle = Array(word.utf8)
        guard !needle.isEmpty, hay.count >= needle.count else { return false }
        var i = 0
        while i <= hay.count - needle.count {
            if hay[i] == needle[0] && hay[i..<(i + needle.count)].elementsEqual(needle) {
                let before = i == 0 ? nil : hay[i - 1]
                let after = i + needle.count == hay.count ? nil : hay[i + needle.count]
                if !isWordByte(before) && !isWordByte(after) { return true }
            }
            i += 1
        }
        return false
    }

    static func isWordByte(_ b: UInt8?) -> Bool {
        guard let b else { return false }
        return (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x5F
    }
}

/// A compiled regex shared by every thread. `Regex` is not marked `Sendable`, but it is an
/// immutable value whose lazily compiled program is published atomically, so sharing one from a
/// `static let` is safe; compiling each pattern once instead of per call is what makes the
/// classifier cheap enough to run on every log line.
struct SharedRegex<Output>: @unchecked Sendable {
    let regex: Regex<Output>
    init(_ regex: Regex<Output>) { self.regex = regex }
}
