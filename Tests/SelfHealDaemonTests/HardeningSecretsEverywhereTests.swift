import Foundation
import Testing
import TestSupport

/// Secrets in the shapes the regex redactor missed (after `:`, `.`, `_`, `=`, `%3D` or a letter,
/// `authorization:Bearer`, JWTs, AWS keys with their secret, GitHub tokens after `repo:`, a
/// session key that contains a key) planted in every input the healer reads, then searched for in
/// every file it writes and every endpoint it serves.
@Suite(.serialized)
struct HardeningSecretsEverywhereTests {
    static func random(_ count: Int) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var generator = SystemRandomNumberGenerator()
        // Upper, lower and a digit, so the secret looks random even where it is glued to a word.
        return "Aa1" + String((0..<count - 3).map { _ in alphabet.randomElement(using: &generator)! })
    }

    @Test func plantedSecretsReachNoFileAndNoEndpoint() throws {
        let anthropic = "sk-ant-api03-" + Self.random(40)
        let openai = "sk-proj-" + Self.random(32)
        let google = "AIza" + Self.random(35)
        let github = "ghp_" + Self.random(36)
        let githubPAT = "github_pat_" + Self.random(50)
        let slack = "xoxb-" + Self.random(30)
        let telegram = "7091234567:AA" + Self.random(33)
        let jwt = "eyJ" + Self.random(20) + "." + Self.random(30) + "." + Self.random(30)
        let awsID = "AKIA" + String(Self.random(16).uppercased().prefix(16))
        let awsSecret = Self.random(40).replacingOccurrences(of: "A", with: "/")
        let bearer = Self.random(32)
        let password = Self.random(14)
        // What must not survive anywhere (the keys' secret parts; the AWS id is a whole).
        let secrets = [anthropic, openai, google, github, githubPAT, slack, String(telegram.dropFirst(11)), jwt,
                       awsID, awsSecret, bearer, password]
        let leaky = [
            "error:\(anthropic)", "config.\(google).", "my_\(github)", "value=\(openai)", "q%3D\(slack)",
            "x\(githubPAT)", "authorization:Bearer \(bearer)", "repo:\(github)", "jwt=\(jwt)",
            "aws \(awsID) \(awsSecret)", "https://api.telegram.org/bot\(telegram)/getMe", "db_password=\(password)",
        ].joined(separator: " | ")
        let secretSession = "agent:main:\(anthropic)"
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let scenario: [String: Any] = [
            "gateway": "up",
            "whatsapp": ["state": "disconnected"],
            "cron": [["id": "c1", "name": "Nightly", "enabled": true,
                      "state": ["lastRunAtMs": now, "lastRunStatus": "error", "consecutiveErrors": 1,
                                "lastError": "TypeError: request failed: \(leaky)"]]],
            "plugins": [["id": "leaky-plugin", "name": "Leaky", "enabled": true, "status": "error", "error": "load failed: \(leaky)"]],
            "sessions": [secretSession: ["sessionId": "s1", "providerOverride": "anthropic",
                                         "modelOverride": "claude-opus-4-6", "modelOverrideSource": "user"]],
            "faults": ["gateway status": ["stderr": "Error: \(leaky)\n", "exit": 1],
                       "plugins list": ["stderr": "warning: \(leaky)\n"]],
        ]
        let daemon = try HardeningDaemon.start(
            extra: "autoFix: { disableFailingCrons: true, cronFailThreshold: 1, disableFailingPlugins: true, issueRepo: \"owner/repo\" },",
            prepare: { dir in
                try "{ gateway: { mode: 'local' } }\n".write(toFile: dir + "/openclaw.json", atomically: true, encoding: .utf8)
                try FakeOpenClawScenario(directory: dir + "/scenario").write(scenario)
            })
        defer { daemon.stop() }
        let files = FakeOpenClawScenario(directory: daemon.directory + "/scenario")
        let token = daemon.process.token

        // The gateway's log: a failure line naming the session, and a plain error line.
        let logPath = daemon.directory + "/logs/" + FakeOpenClawScenario.logFileName()
        let meta: [String: Any] = [
            "event": "model_fallback_decision", "tags": ["error_handling", "model_fallback", "candidate_failed"],
            "runId": "run-secret", "decision": "candidate_failed", "requestedProvider": "anthropic",
            "requestedModel": "claude-opus-4-6", "candidateProvider": "anthropic", "candidateModel": "claude-opus-4-6",
            "attempt": 1, "total": 2, "reason": "rate_limit", "status": 429, "sessionKey": secretSession,
            "error": "429 rate limited: \(leaky)", "nextCandidateProvider": "openai", "nextCandidateModel": "gpt-5.2",
        ]
        let line: [String: Any] = ["0": #"{"subsystem":"model-fallback/decision"}"#, "1": meta, "2": "model fallback decision: \(leaky)",
                                   "_meta": ["logLevelName": "WARN"], "time": ISO8601DateFormatter().string(from: Date())]
        var logText = String(decoding: try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]), as: UTF8.self) + "\n"
        logText += "{\"0\":\"FailoverError: All models failed: \(leaky)\",\"_meta\":{\"logLevelName\":\"ERROR\"},\"time\":\"\(ISO8601DateFormatter().string(from: Date()))\"}\n"
        let handle = try #require(FileHandle(forWritingAtPath: logPath) ?? {
            FileManager.default.createFile(atPath: logPath, contents: nil)
            return FileHandle(forWritingAtPath: logPath)
        }())
        handle.seekToEndOfFile()
        handle.write(Data(logText.utf8))
        try handle.close()

        // A posted failure naming the session, with the secrets in its error.
        let event = try JSONSerialization.data(withJSONObject: ["model": "anthropic/claude-opus-4-6", "error": "401 \(leaky)",
                                                                "sessionKey": secretSession])
        let posted = try daemon.client.request("POST", "/events", token: token, body: Array(event))
        #expect([202, 400].contains(posted.status), "\(posted.status) \(posted.text)")
        let acted = DaemonProcess.eventually(timeout: 20) {
            files.records.contains { $0.argv.starts(with: ["cron", "disable"]) }
                && (files.contents["issues"] as? [[String: Any]] ?? []).count >= 1
        }
        #expect(acted, "the healer did not act: \(files.records.map(\.argv))")
        usleep(1_500_000)
        var places: [String: String] = [:]
        for path in ["/status", "/events?limit=1000", "/metrics", "/health", "/status?format=prometheus"] {
            places["GET \(path)"] = try daemon.client.request("GET", path).text
        }
        daemon.stop()
        places["daemon stderr"] = daemon.process.stderr
        // Every file the healer wrote: the state directory and the metrics file (with rotations).
        let writtenRoots = [daemon.directory + "/state", daemon.directory]
        for root in writtenRoots {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [] {
                let path = root + "/" + name
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                // The inputs themselves (the scenario, the log we wrote, openclaw.json) are not outputs.
                if root == daemon.directory && !name.hasPrefix("metrics") { continue }
                // The token file holds the token on purpose (mode 0600, checked elsewhere).
                if name == "self-heal.token" { continue }
                places["file \(name)"] = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data(), as: UTF8.self)
            }
        }
        let issues = files.contents["issues"] as? [[String: Any]] ?? []
        places["issues"] = issues.map { "\($0["title"] ?? "") \($0["body"] ?? "")" }.joined(separator: "\n")
        places["gh argv"] = files.records.filter { $0.tool == "gh" }.flatMap(\.argv).joined(separator: "\n")
        var leaks: [String] = []
        for (place, text) in places.sorted(by: { $0.key < $1.key }) {
            for secret in secrets + [token] where text.contains(secret) {
                leaks.append("\(place) contains \(secret == token ? "the daemon's token" : secret)")
            }
        }
        #expect(leaks.isEmpty, "\(leaks)")
        #expect(places.keys.contains("file self-heal-audit.jsonl") && places.keys.contains("file self-heal-state.json"), "\(places.keys.sorted())")
        #expect(places["file self-heal-audit.jsonl"]?.contains("[REDACTED]") == true)
        // The session whose key holds a key was refused, not repinned, and said so (redacted).
        #expect(places["file self-heal-audit.jsonl"]?.contains("agent:main:sk-[REDACTED]") == true)
        #expect(!files.records.contains { $0.argv.starts(with: ["gateway", "call", "sessions.patch"]) && $0.argv.joined().contains("agent:main:sk-") })
        HardeningScale.record("secrets-everywhere", ["secretsPlanted": secrets.count + 1, "placesSearched": places.count,
                                                     "places": places.keys.sorted(), "leaks": leaks.count])
    }
}
