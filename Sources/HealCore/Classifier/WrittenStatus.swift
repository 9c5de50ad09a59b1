import FoundationEssentials

/// An HTTP status the error text writes itself.
enum WrittenStatus {
    /// In order: a leading `NNN` (`429 {…}`, `Error: 503 Service Unavailable`), `HTTP 401`,
    /// `HTTP/1.1 429`, then a `status: NNN`-style key. Only 100...599.
    static func find(in text: String) -> Int? {
        for pattern in forms {
            if let digits = text.firstMatch(of: pattern.regex)?.1, let code = Int(digits), (100...599).contains(code) {
                return code
            }
        }
        return nil
    }

    private static let forms: [SharedRegex<(Substring, Substring)>] = [
        SharedRegex(#/^\s*(?:error:?\s*)?(\d{3})(?:$|[\s:{(\[,])/#),
        SharedRegex(#/\bhttp(?:\/\d(?:\.\d)?)?\s*:?\s*(\d{3})\b(?![.:-]?\d)/#),
        SharedRegex(#/\b(?:status|status[ _]?code|http[_ ]?status|http[_ ]?code)["']?\s*[:=]?\s*["']?(\d{3})\b(?![.:-]?\d)/#),
    ]

    private static let leadingStatus = SharedRegex(#/^\s*(?:error:?\s*)?(?:http(?:\/\d(?:\.\d)?)?\s*)?\d{3}\b[\s:]*/#)

    /// Whether the text says more than its leading status (`400` alone has no body).
    static func hasBody(_ text: String) -> Bool {
        let rest = text.replacing(leadingStatus.regex, with: "", maxReplacements: 1)
        return !rest.trimming(.whitespacesAndNewlines).isEmpty
    }
}
