import HealCore

/// Text for the status page: every string that reaches the HTML is escaped here, after the
/// redactor has masked credentials (provider error texts can quote API keys and markup).
enum HTMLText {
    /// Escaped for an element's content or a double-quoted attribute value.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            // Control characters other than tab and newline have no business on the page.
            case _ where scalar.value < 0x20 && scalar != "\t" && scalar != "\n": out += "\u{FFFD}"
            case "\u{7F}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Redacted, shortened to `maxBytes`, then escaped: for every text from the outside world.
    static func outside(_ text: String, maxBytes: Int = 600) -> String {
        escape(Redactor.redact(text, maxBytes: maxBytes))
    }
}
