import FoundationEssentials
import HealCore
import OpenClawKit

/// Sends a `NotifyRequest` with one `curl` process: argv holds only options that are not secret;
/// the URL, headers and body go on standard input (`--config -`). Certificates are verified
/// against the system store plus `notify.caFile`; only https and http are allowed; no redirect is
/// followed (a 3xx is a failure); connect and total timeouts bound every attempt, and the runner
/// kills the process group if curl itself overruns.
///
/// Why a curl process rather than a TLS stack in the daemon: nothing is linked or resident while
/// no message is sent (the idle footprint stays that of the daemon), curl's certificate handling
/// is the distribution's, and a wedged delivery is a child to kill, not a thread to lose.
public struct CurlTransport: Sendable {
    public struct Outcome: Sendable, Equatable {
        public var ok: Bool
        /// HTTP status, when a response came.
        public var status: Int?
        /// Why it failed, secrets taken out.
        public var error: String?
        public var durationMs: Int
    }

    let runner: CommandRunner
    let curl: String
    let caFile: String
    let timeoutSec: Int
    let userAgent: String
    /// The system store besides `caFile` (Debian's hashed certificate directory).
    static let systemCAPath = "/etc/ssl/certs"

    public init(runner: CommandRunner, curl: String = "curl", caFile: String, timeoutSec: Int, userAgent: String) {
        self.runner = runner; self.curl = curl; self.caFile = caFile; self.timeoutSec = timeoutSec; self.userAgent = userAgent
    }

    /// The argv for one request (no secret in it: tests check that too).
    public var argv: [String] {
        var a = [curl, "--disable", "--config", "-", "--silent", "--show-error",
                 "--proto", "=https,http", "--max-redirs", "0",
                 "--connect-timeout", String(max(1, timeoutSec / 3)), "--max-time", String(timeoutSec),
                 "--user-agent", userAgent, "--output", "-", "--write-out", "\n%{http_code}"]
        if !caFile.isEmpty { a += ["--cacert", caFile, "--capath", Self.systemCAPath] }
        return a
    }

    public func send(_ request: NotifyRequest, scrubber: SecretScrubber) async -> Outcome {
        let config = CurlConfig.render(request)
        // The runner's own deadline is a backstop behind curl's --max-time.
        let result = await runner.run(argv, timeout: .seconds(timeoutSec + 5), stdin: Array(config.utf8))
        return Self.outcome(result, scrubber: scrubber)
    }

    static func outcome(_ r: CommandResult, scrubber: SecretScrubber) -> Outcome {
        if let launch = r.launchError {
            return Outcome(ok: false, status: nil, error: scrubber.scrub("cannot run curl: \(launch)"), durationMs: r.durationMs)
        }
        if r.timedOut {
            return Outcome(ok: false, status: nil, error: "curl did not finish in time and was killed", durationMs: r.durationMs)
        }
        var body = r.stdout
        var status: Int?
        if let nl = body.lastIndex(of: "\n") {
            status = Int(body[body.index(after: nl)...].trimming(.whitespaces))
            body = String(body[..<nl])
        }
        if status == 0 { status = nil }
        guard r.exitCode == 0 else {
            let why = r.stderr.split(separator: "\n").first.map(String.init) ?? "exit \(r.exitCode.map(String.init) ?? "?")"
            return Outcome(ok: false, status: status, error: scrubber.scrub(why), durationMs: r.durationMs)
        }
        guard let code = status else {
            return Outcome(ok: false, status: nil, error: "curl gave no HTTP status", durationMs: r.durationMs)
        }
        guard (200..<300).contains(code) else {
            let snippet = body.trimming(.whitespacesAndNewlines).prefix(200)
            let what = (300..<400).contains(code) ? "a redirect, which is not followed" : "refused"
            return Outcome(ok: false, status: code,
                           error: scrubber.scrub("HTTP \(code) (\(what))" + (snippet.isEmpty ? "" : ": \(snippet)")), durationMs: r.durationMs)
        }
        return Outcome(ok: true, status: code, error: nil, durationMs: r.durationMs)
    }
}
