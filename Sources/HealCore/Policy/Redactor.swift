import FoundationEssentials

/// Removes API keys and tokens from text before it reaches the audit log, an issue body, the
/// metrics file, the status file or an HTTP answer. Error texts from providers and the CLI carry
/// them more often than one would like (a `Bearer` header echoed back, a key in a URL, a session
/// key that embeds a token).
///
/// Each secret keeps a short, harmless prefix (`sk-`, `Bearer `, `key=`) so a reader still sees
/// what kind of credential was there. The rules are in `SecretScanner` (one pass over the bytes);
/// `redact` is idempotent (it scans again until nothing changes).
public enum Redactor {
    public static let mask = "[REDACTED]"

    public static func redact(_ text: String) -> String {
        guard !text.isEmpty else { return text }
        var current = text
        // A mask can change what the rules see around it: a value that held a `:` or a space
        // before its inner secret was masked may look like a credential afterwards. Scanning
        // again until nothing changes is what makes `redact` idempotent. Every changing pass
        // replaces bytes that are not a mask by a mask, so this ends; the bound is a guard.
        for _ in 0..<maxPasses {
            guard let next = redactOnce(current) else { return current }
            current = next
        }
        return current
    }

    static let maxPasses = 16

    /// One pass of the scanner; nil when it changed nothing.
    static func redactOnce(_ text: String) -> String? {
        var copy = text
        return copy.withUTF8 { bytes in
            var scanner = SecretScanner(bytes)
            let output = scanner.run()
            guard scanner.changed, !output.elementsEqual(bytes) else { return nil }
            return String(decoding: output, as: UTF8.self)
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
        // Walk characters by index and measure in UTF-8 offsets: no string per character.
        var end = text.startIndex
        while end < text.endIndex {
            let next = text.index(after: end)
            if text.utf8.distance(from: text.startIndex, to: next) > budget { break }
            end = next
        }
        return String(text[..<end]) + marker
    }
}
