import Testing
@testable import HealCore

struct PolicyRedactorTests {
    static let secrets: [(String, String)] = [
        ("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig", "eyJhbGciOiJIUzI1NiJ9"),
        ("401 invalid x-api-key sk-ant-api03-Zx9yW8vU7tS6rQ5pO4nM3lK2jI1hG0fE", "Zx9yW8vU7tS6rQ5pO4nM"),
        ("OPENAI key sk-proj-abcdEFGH1234ijklMNOP5678", "abcdEFGH1234"),
        ("gh auth: ghp_0123456789abcdefghijABCDEFGHIJ012345 expired", "0123456789abcdefghij"),
        ("slack xoxb-123456789012-abcdefghijklmnop failed", "123456789012-abcdefghij"),
        ("https://generativelanguage.googleapis.com/v1/models?key=AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW", "SyA1b2C3d4E5f6G7"),
        ("GET /v1?api_key=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822c", "9f86d081884c7d659a2f"),
        (#"{"token": "dGhpcyBpcyBhIHNlY3JldCB0b2tlbg=="}"#, "dGhpcyBpcyBhIHNlY3JldCB0b2tlbg"),
        ("password=hunter2hunter2hunter2", "hunter2hunter2hunter2"),
    ]

    @Test(arguments: secrets)
    func secretsAreRedacted(_ text: String, _ secret: String) {
        let out = Redactor.redact(text)
        #expect(!out.contains(secret), "\(out)")
        #expect(out.contains(Redactor.mask))
    }

    @Test(arguments: [
        "429 {\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Number of request tokens has exceeded your per-minute rate limit\"}}",
        "Token refresh failed: refresh_token_reused",
        "cron job Morning brief (3f1c2b9e-8d7a-4c1e-9b2a-1e2f3a4b5c6d) failed 3 runs",
        "session agent:main:whatsapp:direct:+15557654321 pinned to anthropic/claude-opus-4-6",
    ])
    func ordinaryTextIsUntouched(_ text: String) {
        #expect(Redactor.redact(text) == text)
    }

    @Test func truncationKeepsCharactersWhole() {
        let text = String(repeating: "é", count: 100)
        let out = Redactor.truncate(text, maxBytes: 51)
        #expect(out.utf8.count <= 51)
        #expect(out.hasSuffix("…[truncated]"))
        #expect(Redactor.truncate("short", maxBytes: 10) == "short")
    }
}
