import Testing
@testable import HealCore

/// The redaction corpus: every credential family in every context it was seen leaking from (after
/// `:`, `.`, `_`, `=`, `%3D`, a letter, inside a session key), and ordinary text that must come back
/// unchanged. `HARDENING.md` records how many of these the regex redactor missed.
@Suite struct RedactorCorpusTests {
    /// (text with the secret, a piece of the secret that must not survive)
    struct Planted: CustomStringConvertible, Sendable {
        var text: String
        var secret: String
        var description: String { text }
    }

    /// Each family's secret, and the part that must go.
    static let families: [(shape: String, core: String)] = [
        ("sk-ant-api03-Zx8mQ2vN4pL6rT0yW3bK5dF7hJ9cG1sA", "Zx8mQ2vN4pL6rT0yW3bK"),
        ("sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z", "Ab3dEf6hIj9kLm2nOp5q"),
        ("sk-Pq7RsT2uVw5XyZ8aBc1DeF4gHi6JkL9mNo3pQr", "Pq7RsT2uVw5XyZ8aBc1D"),
        ("AIzaSyD4x9Qm2Lp7Vn3Kc8Rt1Wb6Yh0Ju5Fe2Gs", "SyD4x9Qm2Lp7Vn3Kc8Rt"),
        ("ghp_R4nD0mT0k3nV4lu3Xy9Zq2Wp8Lm5Kj7Hg1Fd", "R4nD0mT0k3nV4lu3Xy9Z"),
        ("gho_Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6J7k8", "Q1w2E3r4T5y6U7i8O9p0"),
        ("ghs_Z9x8C7v6B5n4M3l2K1j0H9g8F7d6S5a4P3o2", "Z9x8C7v6B5n4M3l2K1j0"),
        ("github_pat_11ABCDEFG0aBcDeFgHiJkL_mNoPqRsTuVwXyZ0123456789aBcDeFgHiJ", "11ABCDEFG0aBcDeFgHiJkL"),
        ("xoxb-1234567890-0987654321-Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op", "1234567890-0987654321"),
        ("xoxp-2468013579-1357924680-Zy9Xw8Vu7Ts6Rq5Po4Nm3L", "2468013579-1357924680"),
        ("7091234567:AAF3kL9mN2pQ4rS6tU8vW0xY1zA3bC5dE7g", "AAF3kL9mN2pQ4rS6tU8vW"),
        ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "hbGciOiJIUzI1NiIsInR5cCI6"),
        ("AKIAIOSFODNN7EXAMPLQ wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "IOSFODNN7EXAMPLQ"),
        ("ya29.a0AfH6SMBx9Kq2Lm5Np8Rs1Tu4Vw7Xy0Za3Bc", "a0AfH6SMBx9Kq2Lm5Np8"),
    ]

    /// What stood before the secret when it leaked.
    static let contexts: [(String, String)] = [
        ("error: ", " rejected"), ("key:", ""), ("config.", "."), ("my_", "_x"), ("value=", "&x=1"),
        ("q%3D", "%26b"), ("x", "y"), ("repo:", " "), ("\"", "\""), ("agent:main:", ":chat"),
    ]

    static let positives: [Planted] = {
        var all: [Planted] = []
        for (shape, core) in families {
            for (before, after) in contexts {
                all.append(Planted(text: before + shape + after, secret: core))
            }
        }
        // The AWS secret on its own line, and labelled.
        all.append(Planted(text: "AKIAIOSFODNN7EXAMPLQ,wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", secret: "wJalrXUtnFEMI/K7MDENG"))
        all.append(Planted(text: "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", secret: "wJalrXUtnFEMI/K7MDENG"))
        all.append(Planted(text: #"{"SecretAccessKey":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}"#, secret: "wJalrXUtnFEMI/K7MDENG"))
        // Authorization headers in every spelling.
        for header in ["Authorization: Bearer ", "authorization:Bearer ", "AUTHORIZATION: bearer ", "Proxy-Authorization: Bearer ",
                       "auth header Bearer ", "\"authorization\":\"Bearer ", "Authorization: Basic ", "Authorization: Token "] {
            all.append(Planted(text: header + "dGhpc2lzYXNlY3JldHRva2Vu42", secret: "dGhpc2lzYXNlY3JldHRva2Vu"))
        }
        all.append(Planted(text: "curl -H 'Authorization: Basic dXNlcjpwYXNzd29yZA=='", secret: "dXNlcjpwYXNzd29yZA"))
        // Labelled values.
        for label in ["password", "passwd", "db_password", "secret", "client_secret", "api_key", "apiKey", "x-api-key",
                      "token", "access_token", "refresh_token", "authToken", "ANTHROPIC_API_KEY", "OPENAI_API_KEY",
                      "GITHUB_TOKEN", "TELEGRAM_BOT_TOKEN", "SLACK_SIGNING_SECRET", "private_key", "key"] {
            all.append(Planted(text: "\(label)=Tr0ub4dor3xyz", secret: "Tr0ub4dor3xyz"))
            all.append(Planted(text: "\"\(label)\": \"Tr0ub4dor3xyz\"", secret: "Tr0ub4dor3xyz"))
        }
        all.append(Planted(text: #"{\"password\":\"s3cr3t-pass\"}"#, secret: "s3cr3t-pass"))
        all.append(Planted(text: "https://api.example/v1?token=abc123secret&x=1", secret: "abc123secret"))
        all.append(Planted(text: "https://api.example/v1?sig=AbC123xyz%2F", secret: "AbC123xyz"))
        all.append(Planted(text: "redirect=%2Fcb%3Fapi_key%3DZ9y8X7w6V5u4", secret: "Z9y8X7w6V5u4"))
        // URLs with credentials.
        all.append(Planted(text: "fetch https://admin:hunter2pass@gateway.internal:8443/x failed", secret: "hunter2pass"))
        all.append(Planted(text: "redis://default:Zq8Wm3Lp@127.0.0.1:6379", secret: "Zq8Wm3Lp"))
        all.append(Planted(text: "git clone https://x-access-token:abcd1234efgh@github.com/o/r", secret: "abcd1234efgh"))
        return all
    }()

    static let negatives: [String] = [
        // Model ids.
        "anthropic/claude-opus-4-6", "openai-codex/gpt-5.2", "google-gemini-cli/gemini-2.5-flash",
        "anthropic/claude-sonnet-4-5-20250929", "openai/gpt-4o-mini", "openrouter/deepseek/deepseek-chat-v3",
        "xai/grok-4-fast", "mistral/mistral-large-2411", "ollama/llama3.1:70b", "bedrock/anthropic.claude-3-5-sonnet",
        // Session keys and incident ids.
        "agent:main:main", "agent:main:s5", "agent:main:whatsapp:direct:+15557654321", "agent:ops:telegram:group:-1001234567890",
        "agent:main:cron:3f1c2b9e-8d7a-4c1e-9b2a-1e2f3a4b5c6d", "agent:main:discord:channel:123456789012345678",
        "inc-1764600000-1", "inc-1764600123-42", "incident inc-1764609999-1007 closed",
        #"{"key":"agent:main:s5","model":"anthropic/claude-opus-4-6"}"#, #"sessionKey: agent:main:subagent:task-runner-2024"#,
        #"{"sessionKey":"agent:main:telegram:dm:123456789"}"#,
        // Words that contain a prefix.
        "the risk-assessment-framework-document failed", "kiosk-mode-2024-config", "disk-usage-monitor", "task-runner",
        "whisk-and-fold", "ask-the-operator", "basket-of-goods", "desk-booking-service-v2", "musk-ox-sighting",
        "xoxo-hugs", "eyJust a word", "yakety ya29 sax", "AIzawhatever", "ghost_protocol", "github_pages",
        "AKIA is a prefix", "glpat is gitlab", "brisk-walk", "tusk-act", "Flask-SQLAlchemy-Extension",
        // Prose around credentials.
        "Token refresh failed: refresh_token_reused", "token: expired", "password reset required", "API key invalid",
        "Bearer token missing", "Basic authentication failed", "a bearer instrument", "Authorization: required",
        "x-api-key header is missing", "auth: invalid credentials", "secret: none", "password: null",
        "token=false", "key: modelOrder", "unknown key 'autoFix.restartWhatsappOnDisconnect'", "missing key: server.listen",
        "Number of request tokens has exceeded your per-minute rate limit", "max_tokens=4096", "input_tokens: 1234",
        "tokenizer=cl100k", "monkey=banana", "keyboard=us", "turnkey: yes", "hotkey=ctrl",
        // Error texts the healer sees.
        "429 {\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}",
        "cron job Morning brief (3f1c2b9e-8d7a-4c1e-9b2a-1e2f3a4b5c6d) failed 3 runs",
        "session agent:main:whatsapp:direct:+15557654321 pinned to anthropic/claude-opus-4-6",
        "FailoverError: All models failed (2): anthropic/claude-opus-4-6: rate limited (rate_limit)",
        "gateway closed (1006): abnormal closure", "ECONNREFUSED 127.0.0.1:18789", "connect ETIMEDOUT 10.0.0.1:443",
        "plugin memory-lancedb failed to load: Cannot find module '@lancedb/lancedb'",
        "WhatsApp disconnected (status 428): Connection Terminated by Server",
        "HTTP 503 Service Unavailable from https://api.anthropic.com/v1/messages",
        "retry-after: 30", "Retry-After: Wed, 21 Oct 2026 07:28:00 GMT", "x-request-id: req_011CUvAbCdEf",
        "openclaw gateway call sessions.patch --params", "systemctl --user restart openclaw-gateway.service",
        "file /home/user/.openclaw/openclaw.json line 12", "https://docs.openclaw.ai/gateway/troubleshooting",
        "http://127.0.0.1:9477/status", "https://user@example.com/path", "mailto:ops@example.com",
        "2026-12-01T17:21:00.123Z", "1764600000", "v0.2.4", "sha256:9f86d081884c7d65", "uuid 550e8400-e29b-41d4-a716-446655440000",
        "Error: spawn openclaw ENOENT", "exit 3: fake-openclaw: forced failure", "timed out after 2014 ms (process group killed)",
        "output truncated at 4194304 bytes, cannot parse it", "expected JSON, got text 'Usage: openclaw …'",
        "invalid: line 1, column 29: unexpected end of input", "Read-only file system", "File too large",
        "über-naïve café résumé", "日本語のエラーメッセージ", "emoji 🚀 launch", "",
        "a=b", "x:y", "k=v; path=/", "name: value", "basic", "bearer", "Bearer", "sk-", "ghp_", "eyJ",
    ]

    @Test func theCorpusIsLargeEnough() {
        #expect(Self.positives.count >= 100)
        #expect(Self.negatives.count >= 100)
    }

    @Test(arguments: positives)
    func everyPlantedSecretIsMasked(_ planted: Planted) {
        let out = Redactor.redact(planted.text)
        #expect(!out.contains(planted.secret), "\(out)")
        #expect(out.contains(Redactor.mask), "\(out)")
        #expect(Redactor.redact(out) == out, "not idempotent: \(out)")
    }

    @Test(arguments: negatives)
    func ordinaryTextStaysReadable(_ text: String) {
        #expect(Redactor.redact(text) == text)
    }

    @Test func aSessionKeyWithASecretKeepsItsReadableParts() {
        let key = "agent:main:sk-ant-api03-Zx8mQ2vN4pL6rT0yW3bK5dF7hJ9cG1sA"
        #expect(Redactor.redact(key) == "agent:main:sk-[REDACTED]")
        #expect(Redactor.redact(#"{"key":"\#(key)"}"#) == #"{"key":"agent:main:sk-[REDACTED]"}"#)
    }

    @Test func prefixesAndSchemesStayVisible() {
        #expect(Redactor.redact("authorization:Bearer dGhpc2lzYXNlY3JldHRva2Vu42") == "authorization:Bearer [REDACTED]")
        #expect(Redactor.redact("token=xoxb-1234567890-abcdefghij") == "token=[REDACTED]")
        #expect(Redactor.redact("x AKIAIOSFODNN7EXAMPLQ y") == "x AKIA[REDACTED] y")
        #expect(Redactor.redact("https://admin:pw1234@h/x") == "https://admin:[REDACTED]@h/x")
    }

    @Test func multiByteTextAroundASecretSurvives() {
        let text = "café sk-ant-api03-Zx8mQ2vN4pL6rT0yW3bK5dF7hJ9cG1sA 日本 password=pässwörd1 ✓"
        #expect(Redactor.redact(text) == "café sk-[REDACTED] 日本 password=[REDACTED] ✓")
    }

    /// Found by the redactor fuzz target: a JWT whose payload ran into `Bearer` swallowed the
    /// word, and the credential after it survived.
    @Test func aSchemeWordAtTheEndOfAMaskedBodyStillMasksItsCredential() {
        let text = "t eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiBearer dGhpc2lzYXNlY3JldHRva2Vu42IxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fw"
        let out = Redactor.redact(text)
        #expect(!out.contains("dGhpc2lzYXNlY3JldHRva2Vu42"), "\(out)")
        #expect(out == "t eyJ[REDACTED] [REDACTED]")
        #expect(Redactor.redact("sk-ant-api03-Zx8mQ2vN4pBearer dGhpc2lzYXNlY3JldHRva2Vu42") == "sk-[REDACTED] [REDACTED]")
    }

    /// Found by the redactor fuzz target: the URL rule masked the password and went on after it,
    /// so a key in the user name before it was never looked at.
    @Test func aKeyInAURLsUserNameIsMaskedWithThePassword() {
        let text = "fetch https://xaccessAIzaSyD4x9Qm2Lp7Vn3Kc8Rt1Wb6Yh0Ju5Fe2Gs-token:abcd1235235efgh@github.com/x"
        let out = Redactor.redact(text)
        #expect(!out.contains("SyD4x9Qm2Lp7Vn3Kc8Rt") && !out.contains("abcd1235235efgh"), "\(out)")
        #expect(out == "fetch https://xaccessAIza[REDACTED]:[REDACTED]@github.com/x")
        #expect(Redactor.redact(out) == out)
    }

    /// Found by the redactor fuzz target: a GitHub token's body ran into the letters `ghp` of the
    /// next token, which then lost its prefix and survived.
    @Test func aTokenGluedToTheNextOneMasksBoth() {
        let text = "auth: ghp_0123456789abcdefghijAB789abcdefghghp_R4nD0mT0k3nV4lu3Xy9Zq2Wp8Lm5Kj7Hg1Fd/a"
        let out = Redactor.redact(text)
        #expect(!out.contains("R4nD0mT0k3nV4lu3"), "\(out)")
        #expect(out == "auth: ghp_[REDACTED]_[REDACTED]/a")
        #expect(Redactor.redact(out) == out)
    }

    /// Found by the redactor fuzz target in `make test`: a labelled password in a URL's user name
    /// ran on past the user name, so the gap scan dropped it.
    @Test func aLabelledValueInAURLsUserNameIsMaskedToo() {
        let out = Redactor.redact("ne https://xpassword=Tr0ub4dor3xyzQaccess-token:abcd1234efgh@github.com/x")
        #expect(!out.contains("Tr0ub4dor3xyzQ") && !out.contains("abcd1234efgh"), "\(out)")
        #expect(out == "ne https://xpassword=[REDACTED][REDACTED]@github.com/x")
        #expect(Redactor.redact(out) == out)
    }

    /// Found by the `redactor` fuzz target: masking a secret inside a value changed what the
    /// rules saw around it (a weak `key` label's value lost its `:`, a URL's password became a
    /// mask followed by bytes that make the userinfo valid), so a second redaction masked more.
    @Test(arguments: [
        ("cache-key: zzzzC2d4Eé3d4keypassword=Tr0ub4dor3xyzQ: next", "Tr0ub4dor3xyzQ"),
        ("cache-key: zzz1zz-apassword=hunter3hunter2*zz-a: next", "hunter3hunter2"),
        ("https://x-access-token:abcd1235uthzio024T:/ef'h@github.com/o", "abcd1235uthzio024T"),
        ("cache-key: zzz29.a0eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjg.5678:w", "hbGciOiJIUzI1NiJ9"),
    ])
    func aMaskThatChangesItsContextIsStillIdempotent(_ text: String, _ secret: String) {
        let once = Redactor.redact(text)
        #expect(!once.contains(secret), "\(once)")
        #expect(Redactor.redact(once) == once, "\(once) → \(Redactor.redact(once))")
        // One pass alone is not enough for these: the test would prove nothing otherwise.
        let firstPass = Redactor.redactOnce(text) ?? text
        #expect(Redactor.redactOnce(firstPass) != nil, "\(firstPass)")
    }

    /// Found by the `redactor` fuzz target after 789,847 executions: the `Authorization` label's
    /// value was the word `Bearer` (after `Basic`), masked as the value, and the credential after
    /// that second scheme word was never looked at.
    @Test func aSecondSchemeWordAfterTheLabelStillMasksItsCredential() {
        let out = Redactor.redact("p=A/zAuthorization: Basic Bearer dGhpc2lzYXNlY3JldHRva2Vu42")
        #expect(!out.contains("dGhpc2lzYXNlY3Jl"), "\(out)")
        #expect(out.hasPrefix("p=A/zAuthorization: Basic "), "\(out)")
        #expect(Redactor.redact(out) == out)
    }

    /// Found by the redactor fuzz target (550,941 executions into its depth run): in a URL's user
    /// name, an `sk-` body took the letters `ya29` of the Google OAuth token after it, and the
    /// scan of the user name had no check for a secret glued to the end of what it masked.
    @Test func aTokenGluedToAKeyInAURLsUserNameIsMaskedToo() {
        let texts = [
            "https://x-sk----ceya29.a0AfH6SMBx9Kq2Lm5Np8Rs1Tu4Vw7Xy0Za3Bcss-To:abcd1234efgh@github.com",
            "clnhttps://x-iccess-en://x-acse354kL-sk----ceya29.a0AfH6SMBx9Kq2Lm5Np8Rs1Tu4Vw7Xy0Za3Bcss-To\u{FFFD}en:abcd1234efgh@github.c cln",
        ]
        for text in texts {
            let out = Redactor.redact(text)
            #expect(!out.contains("a0AfH6SMBx9Kq2Lm"), "\(out)")
            #expect(!out.contains("abcd1234efgh"), "\(out)")
            #expect(Redactor.redact(out) == out)
        }
    }
}
