import Testing
@testable import HealCore

@Suite struct RedactorCredentialFormsTests {
    @Test(arguments: [
        "key sk-ant-api03-AbCdEfGhIjKlMnOpQrStUv failed",
        "Incorrect API key provided: sk-proj-ABCDEFGHIJKLMNOPQRSTUVWX",
        "token ghp_abcdefghijklmnopqrstuvwxyz0123456789",
        "Authorization: Bearer abcdef.ghijkl.mnopqr-stuvwx",
        "x-api-key: zzzzzzzzzzzzzzzzzzzz",
        "https://generativelanguage.googleapis.com/v1?key=AIzaSyA-1234567890abcdefghijklmnopqrstu",
        #"{"api_key":"verysecretvalue123"}"#,
        "password=hunter2hunter2",
        "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV",
        "telegram 123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1 rejected",
        "google ya29.a0AfH6SMBx1234567890abcdefghijklmnop expired",
    ])
    func secretsAreMasked(_ text: String) {
        let redacted = Redactor.redact(text)
        #expect(redacted.contains("[REDACTED]"), "\(redacted)")
        for secret in ["AbCdEfGhIjKlMn", "ABCDEFGHIJKLMNOP", "abcdefghijklmnopqrstuvwxyz0123", "mnopqr-stuvwx",
                       "zzzzzzzzzzzz", "1234567890abcdefghij", "verysecretvalue123", "hunter2hunter2",
                       "SflKxwRJSMeKKF2QT4fw", "AAHdqTcvCH1vGWJxfSeof", "a0AfH6SMBx1234567890"] {
            #expect(!redacted.contains(secret), "\(redacted)")
        }
    }

    @Test func ordinaryErrorTextIsKept() {
        let text = "429 {\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}} model=claude-opus-4-6 session agent:main:main"
        #expect(Redactor.redact(text) == text)
    }
}
