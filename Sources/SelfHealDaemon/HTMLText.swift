import HealCore
import TextFormatting

/// Text for the status page: every string that reaches the HTML is escaped here, after the
/// redactor has masked credentials (provider error texts can quote API keys and markup).
enum HTMLText {
    /// Escaped for an element's content or a double-quoted attribute value.
    static func escape(_ text: String) -> String {
        TextEscaping.escape(text) { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&#39;"
            // Control characters other than tab and newline have no business on the page.
            case _ where scalar.value < 0x20 && scalar != "\t" && scalar != "\n": "\u{FFFD}"
            case "\u{7F}": "\u{FFFD}"
            default: nil
            }
        }
    }

    /// Redacted, shortened to `maxBytes`, then escaped: for every text from the outside world.
    static func outside(_ text: String, maxBytes: Int = 600) -> String {
        escape(Redactor.redact(text, maxBytes: maxBytes))
    }
}
