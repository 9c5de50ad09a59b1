import FoundationEssentials

/// An HTTP status the error text writes itself.
enum WrittenStatus {
    /// In order: a leading `NNN` (`429 {…}`, `Error: 503 Service Unavailable`), `HTTP 401`,
    /// `HTTP/1.1 429`, then a `status: NNN`-style key. Only 100...599.
    static func find(in text: String) -> Int? {
        find(in: LoweredText(lowered: text))
    }

    static func find(in text: LoweredText) -> Int? {
        if text.isASCII {
            if let code = leadingCode(text.bytes), (100...599).contains(code) { return code }
        } else if let digits = text.string.prefixMatch(of: leading.regex)?.1, let code = Int(digits), (100...599).contains(code) {
            return code
        }
        for pattern in forms where pattern.mayMatch(text) {
            if let digits = text.string.firstMatch(of: pattern.regex)?.1, let code = Int(digits), (100...599).contains(code) {
                return code
            }
        }
        return nil
    }

    /// A leading `NNN`, after blanks and an optional `error:`, ended by the text's end, a blank or
    /// one of `:{([,`: `leading` by hand, for ASCII texts (where `\s` is a blank byte and `\d` a
    /// digit byte).
    static func leadingCode(_ b: [UInt8]) -> Int? {
        func isBlank(_ i: Int) -> Bool { i < b.count && (b[i] == 0x20 || (b[i] >= 0x09 && b[i] <= 0x0D)) }
        func isDigit(_ i: Int) -> Bool { i < b.count && b[i] >= 0x30 && b[i] <= 0x39 }
        var i = 0
        while isBlank(i) { i += 1 }
        if b.count - i >= 5, b[i] == 0x65, b[i + 1] == 0x72, b[i + 2] == 0x72, b[i + 3] == 0x6F, b[i + 4] == 0x72 {  // error
            i += 5
            if i < b.count, b[i] == 0x3A { i += 1 }
            while isBlank(i) { i += 1 }
        }
        guard isDigit(i), isDigit(i + 1), isDigit(i + 2) else { return nil }
        let end = i + 3
        guard end == b.count || isBlank(end) || ":{([,".utf8.contains(b[end]) else { return nil }
        return Int(b[i] - 0x30) * 100 + Int(b[i + 1] - 0x30) * 10 + Int(b[i + 2] - 0x30)
    }

    private static let leading = SharedRegex<(Substring, Substring)>(#/^\s*(?:error:?\s*)?(\d{3})(?:$|[\s:{(\[,])/#)

    /// Each with the literals its matches hold.
    private static let forms: [SharedRegex<(Substring, Substring)>] = [
        SharedRegex(#/\bhttp(?:\/\d(?:\.\d)?)?\s*:?\s*(\d{3})\b(?![.:-]?\d)/#, needs: ["http"]),
        SharedRegex(#/\b(?:status|status[ _]?code|http[_ ]?status|http[_ ]?code)["']?\s*[:=]?\s*["']?(\d{3})\b(?![.:-]?\d)/#,
                    needs: ["status", "code"]),
    ]

    private static let leadingStatus = SharedRegex(#/^\s*(?:error:?\s*)?(?:http(?:\/\d(?:\.\d)?)?\s*)?\d{3}\b[\s:]*/#)

    /// Whether the text says more than its leading status (`400` alone has no body).
    static func hasBody(_ text: String) -> Bool {
        let rest = text.replacing(leadingStatus.regex, with: "", maxReplacements: 1)
        return !rest.trimming(.whitespacesAndNewlines).isEmpty
    }
}
