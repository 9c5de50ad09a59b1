import Foundation
import HealCore
import OpenClawKit
import Testing
@testable import Notify

@Suite struct CurlTransportTests {
    let scrubber = SecretScrubber(secrets: ["https://hooks.example/services/T0/B0/SECRETPART", "tok-SECRET-1"])

    @Test func argvHasNoSecretAndAllowsNoRedirect() {
        let t = CurlTransport(runner: CommandRunner(), caFile: "/etc/ca.pem", timeoutSec: 9, userAgent: "ua")
        #expect(t.argv == ["curl", "--disable", "--config", "-", "--silent", "--show-error", "--proto", "=https,http",
                           "--max-redirs", "0", "--connect-timeout", "3", "--max-time", "9", "--user-agent", "ua",
                           "--output", "-", "--write-out", "\n%{http_code}", "--cacert", "/etc/ca.pem", "--capath", "/etc/ssl/certs"])
        #expect(!CurlTransport(runner: CommandRunner(), caFile: "", timeoutSec: 9, userAgent: "ua").argv.contains("--cacert"))
    }

    func result(exit: Int32, stdout: String, stderr: String = "") -> CommandResult {
        CommandResult(argv: ["curl"], exitCode: exit, stdout: stdout, stderr: stderr)
    }

    @Test func outcomesFromCurlsOutput() {
        #expect(CurlTransport.outcome(result(exit: 0, stdout: "{\"ok\":true}\n200"), scrubber: scrubber).ok)
        let refused = CurlTransport.outcome(result(exit: 0, stdout: "bad token tok-SECRET-1\n401"), scrubber: scrubber)
        #expect(!refused.ok && refused.status == 401 && refused.error == "HTTP 401 (refused): bad token [secret]")
        let moved = CurlTransport.outcome(result(exit: 0, stdout: "\n302"), scrubber: scrubber)
        #expect(moved.error == "HTTP 302 (a redirect, which is not followed)")
        let tls = CurlTransport.outcome(result(exit: 60, stdout: "\n000",
                                               stderr: "curl: (60) SSL certificate problem: self-signed certificate\nMore details here"),
                                        scrubber: scrubber)
        #expect(!tls.ok && tls.status == nil && tls.error == "curl: (60) SSL certificate problem: self-signed certificate")
        let leak = CurlTransport.outcome(result(exit: 6, stdout: "\n000",
                                                stderr: "curl: (6) Could not resolve https://hooks.example/services/T0/B0/SECRETPART"),
                                         scrubber: scrubber)
        #expect(leak.error == "curl: (6) Could not resolve [secret]")
    }

    @Test func curlReadsTheRequestFromStandardInput() async throws {
        // A real curl against a closed port: the URL travels on stdin, the failure comes back scrubbed.
        let t = CurlTransport(runner: CommandRunner(), caFile: "", timeoutSec: 3, userAgent: "ua")
        let secretURL = "http://127.0.0.1:9/path-SECRET-42"
        let outcome = await t.send(NotifyRequest(method: "POST", url: secretURL, body: Array("{}".utf8)),
                                   scrubber: SecretScrubber(secrets: [secretURL]))
        #expect(!outcome.ok)
        #expect(outcome.error?.contains("SECRET") == false, "\(outcome.error ?? "")")
        #expect(outcome.error?.contains("curl: (7)") == true, "\(outcome.error ?? "")")
    }
}
