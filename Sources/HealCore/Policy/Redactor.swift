import Foundation

/// Removes API keys and tokens from text before it reaches the audit log, an issue body, the
/// metrics file or the status file. Error texts from providers and the CLI carry them more often
/// than one would like (a `Bearer` header echoed back, a key in a URL).
///
/// Each secret keeps a short, harmless prefix (`sk-`, `Bearer `, `key=`) so a reader still sees
/// what kind of credential was there.
public enum Redactor {
    public static let mask = "[REDACTED]"

    /// Patterns in the order they are applied; each captures the prefix to keep in group 1.
    /// (Swift Regex rather than NSRegularExpression: no ICU, which would otherwise be paged in at
    /// the daemon's first audit record.)
    private static let patterns: [SharedRegex<AnyRegexOutput>] = {
        let sources = [
            // Authorization headers: Bearer / Basic credentials.
            #"(?i)(\b(?:bearer|basic)\s+)[A-Za-z0-9._~+/=\-]{8,}"#,
            // OpenAI / Anthropic style keys: sk-..., sk-ant-..., sk-proj-...
            #"(\bsk-)[A-Za-z0-9_\-]{8,}"#,
            // GitHub tokens.
            #"(\bgh[pousr]_)[A-Za-z0-9]{16,}"#,
            #"(\bgithub_pat_)[A-Za-z0-9_]{16,}"#,
            // Slack tokens.
            #"(\bxox[abposr]-)[A-Za-z0-9\-]{8,}"#,
            // Google API keys and OAuth access tokens.
            #"(\bAIza)[0-9A-Za-z_\-]{20,}"#,
            #"(\bya29\.)[0-9A-Za-z_\-]{20,}"#,
            // JSON Web Tokens (three base64url parts).
            #"(\beyJ)[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}"#,
            // Telegram bot tokens: <bot id>:AA<secret>.
            #"(\b\d{8,10}:)AA[A-Za-z0-9_\-]{30,}"#,
            // Secrets in URL queries: ?key=..., &access_token=..., &sig=...
            #"(?i)([?&](?:key|api_key|apikey|token|access_token|sig|signature)=)[^&\s"']+"#,
            // Labelled values: api_key=..., token: "...", x-api-key: ..., password=... (JSON,
            // headers, env dumps). A label says the value is secret, so short values go too.
            #"(?i)(\b(?:x-)?(?:api[_-]?key|apikey|key|token|access[_-]?token|refresh[_-]?token|auth[_-]?token|secret|client[_-]?secret|password|passwd|auth|authorization)["']?\s*[:=]\s*["']?)(?!\[REDACTED\])[^\s"',;&}\]]{6,}"#,
        ]
        return sources.map { SharedRegex(try! Regex($0)) }
    }()

    public static func redact(_ text: String) -> String {
        guard !text.isEmpty else { return text }
        var out = text
        for pattern in patterns {
            out = out.replacing(pattern.regex) { match in
                (match.output[1].substring.map(String.init) ?? "") + mask
            }
        }
        return out
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
