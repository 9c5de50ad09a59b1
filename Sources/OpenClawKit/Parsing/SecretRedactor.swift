/// Masks API keys, tokens and passwords in error texts before they leave the process (issue bodies,
/// probe details). Provider error payloads and CLI errors sometimes echo a key or an Authorization
/// header; a GitHub issue is public.
///
/// (A private helper: HealCore has no shared redactor on this branch. When one lands, this should
/// defer to it.)
enum SecretRedactor {
    static let mask = "[REDACTED]"

    /// Patterns whose whole match is a secret.
    private static let wholeMatchPatterns: [String] = [
        #"sk-ant-[A-Za-z0-9_\-]{8,}"#,                          // Anthropic
        #"sk-(?:proj-|live-|test-)?[A-Za-z0-9_\-]{16,}"#,        // OpenAI and look-alikes
        #"gh[pousr]_[A-Za-z0-9]{20,}"#,                         // GitHub tokens
        #"github_pat_[A-Za-z0-9_]{20,}"#,
        #"xox[abposr]-[A-Za-z0-9\-]{10,}"#,                     // Slack
        #"AIza[0-9A-Za-z_\-]{30,}"#,                            // Google API keys
        #"ya29\.[0-9A-Za-z_\-]{20,}"#,                          // Google OAuth access tokens
        #"eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}"#, // JWTs
        #"\d{8,10}:AA[A-Za-z0-9_\-]{30,}"#,                     // Telegram bot tokens
    ]

    /// Patterns whose first group is kept (the label) and the rest masked (the value).
    private static let labelledPatterns: [String] = [
        #"(?i)(\b(?:bearer|basic)\s+)[A-Za-z0-9._~+/=\-]{8,}"#,
        #"(?i)((?:api[_-]?key|x-api-key|access[_-]?token|refresh[_-]?token|auth[_-]?token|client[_-]?secret|secret|password|passwd|token|authorization)["']?\s*[:=]\s*["']?)(?!\[REDACTED\])[^\s"',;&}\]]{6,}"#,
        #"(?i)([?&](?:key|api_key|apikey|token|access_token|sig|signature)=)[^&\s"']+"#,
    ]

    static func redact(_ text: String) -> String {
        var result = text
        for pattern in wholeMatchPatterns {
            guard let regex = try? Regex(pattern) else { continue }
            result = result.replacing(regex, with: mask)
        }
        for pattern in labelledPatterns {
            guard let regex = try? Regex(pattern) else { continue }
            result = result.replacing(regex) { match in
                (match.output[1].substring.map(String.init) ?? "") + mask
            }
        }
        return result
    }
}
