import TextFormatting

/// Minimal JSON string quoting for the error bodies this module writes itself (RFC 8259 section 7):
/// the short escapes, and `\u00XX` for the other control characters.
enum JSONString {
    static func quoted(_ text: String) -> String {
        TextEscaping.doubleQuoted(text) { scalar in
            TextEscaping.backslashEscape(scalar)
                ?? (scalar.value < 0x20 ? "\\u" + Digits.hex(scalar.value, width: 4, uppercase: false) : nil)
        }
    }
}
