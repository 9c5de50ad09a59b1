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
    /// A regex, tried only on texts whose bytes hold at least one of its literals (`needs`): every
    /// match of the regex contains one of them, so a text without any cannot match, and most
    /// texts are turned away by a byte search instead of the much slower regex engine.
    case regex(SharedRegex<Substring>, needs: [String])

    /// A regex pattern (`.regex(#/…/#, needs: "…")` reads as the literal it wraps).
    static func regex(_ r: Regex<Substring>, needs: String...) -> TextPattern { .regex(SharedRegex(r), needs: needs) }

    func matches(_ text: LoweredText) -> Bool {
        switch self {
        case .contains(let s): return text.contains(s)
        case .word(let w): return TextScan.containsWord(text.bytes, w)
        case .status(let code): return StatusToken.occurs(code, in: text.bytes)
        case .regex(let r, let needs): return text.mayContain(anyOf: needs) && text.string.contains(r.regex)
        }
    }
}

extension Array where Element == TextPattern {
    func matches(_ text: LoweredText) -> Bool { contains { $0.matches(text) } }
    func matches(_ text: String) -> Bool { matches(LoweredText(lowered: text)) }
}

enum TextScan {
    /// Whether `word` occurs in `text` with a non-word character (or the text's end) on each side.
    static func containsWord(_ text: String, _ word: String) -> Bool {
        containsWord(Array(text.utf8), word)
    }

    static func containsWord(_ hay: [UInt8], _ word: String) -> Bool {
        let needle = Array(word.utf8)
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
    /// Literals at least one of which every match contains (empty: no such test).
    let needs: [String]
    init(_ regex: Regex<Output>, needs: [String] = []) { self.regex = regex; self.needs = needs }

    /// Whether `text` can match at all (see `TextPattern.regex`).
    func mayMatch(_ text: LoweredText) -> Bool { text.mayContain(anyOf: needs) }

    /// `mayMatch` for a plain string.
    func mayMatch(_ text: String) -> Bool {
        guard !needs.isEmpty else { return true }
        let found: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            needs.contains { ByteSearch.contains(bytes, $0) }
        }
        return found ?? true
    }
}

extension SharedRegex where Output == Substring {
    /// Whether the regex matches somewhere in `text`, asking the engine only when it can.
    func found(in text: LoweredText) -> Bool { mayMatch(text) && text.string.contains(regex) }
}
