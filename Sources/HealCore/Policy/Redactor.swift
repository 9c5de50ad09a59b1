import FoundationEssentials

/// Removes API keys and tokens from text before it reaches the audit log, an issue body, the
/// metrics file, the status file or an HTTP answer. Error texts from providers and the CLI carry
/// them more often than one would like (a `Bearer` header echoed back, a key in a URL, a session
/// key that embeds a token).
///
/// Each secret keeps a short, harmless prefix (`sk-`, `Bearer `, `key=`) so a reader still sees
/// what kind of credential was there. The rules are in `SecretScanner` (one pass over the bytes);
/// `redact` is idempotent.
public enum Redactor {
    public static let mask = "[REDACTED]"

    public static func redact(_ text: String) -> String {
        guard !text.isEmpty else { return text }
        var copy = text
        return copy.withUTF8 { bytes in
            var scanner = SecretScanner(bytes)
            let output = scanner.run()
            return scanner.changed ? String(decoding: output, as: UTF8.self) : text
        }
    }

    /// Redacts, then shortens to at most `maxBytes` of UTF-8 (on a character boundary), marking the cut.
    public static func redact(_ text: String, maxBytes: Int) -> String {
        truncate(redact(text), maxBytes: maxBytes)
    }

    public static func truncate(_ text: String, maxBytes: Int) -> String {
        guard text.utf8.count > maxBytes else { return text }
        let marker = " …[truncated]"
        let budget = max(0, maxBytes - marker.utf8.count)
        var used = 0
        var end = text.startIndex
        for ch in text {
            let n = String(ch).utf8.count
            if used + n > budget { break }
            used += n
            end = text.index(after: end)
        }
        return String(text[..<end]) + marker
    }
}
