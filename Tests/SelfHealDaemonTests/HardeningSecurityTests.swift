import Foundation
import Testing
#if canImport(Glibc)
import Glibc
import TestSupport
#endif

/// Who may change things, what reaches a command line, who may read the files, and where secrets
/// must never show up.
@Suite(.serialized)
struct HardeningSecurityTests {
    // MARK: - the token

    @Test func mutatingEndpointsRefuseEveryWrongCredential() throws {
        let daemon = try HardeningDaemon.start(openclawBin: "/nonexistent/openclaw")
        defer { daemon.stop() }
        let token = daemon.process.token
        #expect(token.count >= 32)
        let wrong = [
            nil, "", "Bearer", "Bearer ", "Bearer wrong", "Bearer \(token.dropLast())", "Bearer \(token)x",
            "Bearer \(token.uppercased())", "Bearer  x\(token)", "Basic \(Data(token.utf8).base64EncodedString())",
            token, "Token \(token)", "Bearer \(token) \(token)", "Bearer \(String(repeating: "a", count: 100_00))",
        ]
        var refused = 0
        for (method, path) in [("POST", "/reload"), ("POST", "/probe"), ("POST", "/events")] {
            for value in wrong {
                let response = try rawRequest(daemon, method: method, path: path, authorization: value)
                #expect(response.status == 401, "\(method) \(path) with \(value.map { String($0.prefix(40)) } ?? "no header") → \(response.status)")
                #expect(!response.text.contains(token), "a 401 echoes the token")
                refused += 1
            }
            // Nor in the query string.
            for query in ["token", "access_token", "authorization"] {
                #expect(try rawRequest(daemon, method: method, path: "\(path)?\(query)=\(token)", authorization: nil).status == 401)
                refused += 1
            }
        }
        #expect(try rawRequest(daemon, method: "POST", path: "/reload", authorization: "Bearer \(token)").status == 200)
        HardeningScale.record("security-token", ["refusedRequests": refused])
    }

    @Test func readsNeedTheTokenWhenAskedTo() throws {
        let daemon = try HardeningDaemon.start(server: "authenticateReads: true", openclawBin: "/nonexistent/openclaw")
        defer { daemon.stop() }
        for path in ["/health", "/status", "/metrics", "/events"] {
            #expect(try rawRequest(daemon, method: "GET", path: path, authorization: nil).status == 401, "\(path)")
            #expect(try rawRequest(daemon, method: "GET", path: path, authorization: "Bearer nope").status == 401, "\(path)")
            #expect(try rawRequest(daemon, method: "GET", path: path, authorization: "Bearer \(daemon.process.token)").status != 401, "\(path)")
        }
    }

    /// Refused before anything listens: the daemon exits with the reason, no socket is opened.
    @Test(arguments: ["0.0.0.0:0", "[::]:0", "192.0.2.10:0", "10.1.2.3:0", "[2001:db8::1]:0", "127.1:0"])
    func aNonLoopbackBindWithoutATokenIsRefused(listen: String) throws {
        let daemon = try DaemonProcess(config: HardeningDaemon.config(server: "", extra: "", intervalSec: 1, commandTimeoutSec: 2),
                                       arguments: ["--openclaw-bin", "/nonexistent/openclaw", "--listen", listen])
        try daemon.start()
        daemon.process.waitUntilExit()
        #expect(daemon.process.terminationStatus != 0, "\(listen) was accepted")
        #expect(daemon.stderr.contains("not a loopback address") || daemon.stderr.contains("server.listen"), "\(daemon.stderr)")
        #expect(!daemon.stderr.contains("info [openclaw-self-heal] listening"), "it listened on \(listen)")
    }

    @Test func aTokenFileOthersCanReadIsRefused() throws {
        let daemon = try DaemonProcess(config: HardeningDaemon.config(server: "", extra: "", intervalSec: 1, commandTimeoutSec: 2),
                                       arguments: ["--openclaw-bin", "/nonexistent/openclaw"])
        let tokenFile = daemon.directory + "/state/self-heal.token"
        try "0123456789abcdef0123456789abcdef\n".write(toFile: tokenFile, atomically: true, encoding: .utf8)
        chmod(tokenFile, 0o644)
        try daemon.start()
        daemon.process.waitUntilExit()
        #expect(daemon.process.terminationStatus != 0)
        #expect(daemon.stderr.contains("chmod 600"), "\(daemon.stderr)")
    }

    // MARK: - hostile ids reach argv verbatim, never a shell; files are the owner's

    @Test func hostileIdsReachTheArgvVerbatimAndNeverAShell() throws {
        let canary = NSTemporaryDirectory() + "self-heal-canary-\(UUID().uuidString.prefix(8))"
        defer { unlink(canary) }
        let payload = "$(touch \(canary));touch \(canary)`touch \(canary)`|touch \(canary)&&touch \(canary)\n'\"\\ >\(canary)"
        let model = "prov/m$(touch${IFS}\(canary));`touch${IFS}\(canary)`|x>\(canary)"
        let cronID = "cron-\(payload)"
        let pluginID = "plugin-\(payload)"
        let sessionKey = "agent:main:\(payload)"
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let scenario: [String: Any] = [
            "gateway": "up", "whatsapp": "connected",
            "cron": [["id": cronID, "name": "Job \(payload)", "enabled": true,
                      "state": ["lastRunAtMs": now, "lastRunStatus": "error", "consecutiveErrors": 1,
                                "lastError": "TypeError: \(payload)"]]],
            "plugins": [["id": pluginID, "name": "Plugin \(payload)", "enabled": true, "status": "error",
                         "error": "Cannot find module '\(payload)'"]],
            "sessions": [sessionKey: ["sessionId": "s", "providerOverride": "prov",
                                      "modelOverride": String(model.dropFirst("prov/".count)), "modelOverrideSource": "user"]],
            "probeDefault": "ok",
        ]
        let daemon = try HardeningDaemon.start(
            extra: "autoFix: { disableFailingCrons: true, cronFailThreshold: 1, disableFailingPlugins: true, issueRepo: \"owner/repo\" },",
            modelOrder: [model, "openai/gpt-5.2"],
            prepare: { dir in
                try "{ gateway: { mode: 'local' } }\n".write(toFile: dir + "/openclaw.json", atomically: true, encoding: .utf8)
                try FakeOpenClawScenario(directory: dir + "/scenario").write(scenario)
            })
        defer { daemon.stop() }
        let files = FakeOpenClawScenario(directory: daemon.directory + "/scenario")

        // The guard opens and the session's strict pin is known only once a tick has observed them
        // (issue 13): the failure comes after the first tick.
        #expect(DaemonProcess.eventually(timeout: 20) {
            let status = (try? daemon.client.request("GET", "/status"))
                .flatMap { try? JSONSerialization.jsonObject(with: Data($0.body)) as? [String: Any] }
            return ((status?["counters"] as? [String: Any])?["ticks"] as? Int ?? 0) >= 1
        })
        // The model fails (repin of the session), and is probed by hand.
        let event = try JSONSerialization.data(withJSONObject: ["model": model, "error": "429 rate_limit_error", "sessionKey": sessionKey])
        #expect(try daemon.client.request("POST", "/events", token: daemon.process.token, body: Array(event)).status == 202)
        let encoded = model.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? model
        let probe = try daemon.client.request("POST", "/probe?model=\(encoded)", token: daemon.process.token)
        #expect(probe.status == 200, "\(probe.text)")

        let done = DaemonProcess.eventually(timeout: 20) {
            let calls = files.records
            return calls.contains { $0.argv.starts(with: ["cron", "disable"]) }
                && calls.contains { $0.argv.starts(with: ["plugins", "disable"]) }
                && calls.contains { $0.argv.contains("sessions.patch") }
                && calls.filter { $0.tool == "gh" }.count >= 2
        }
        let calls = files.records
        #expect(done, "not every action ran: \(calls.map(\.argv))")
        #expect(calls.contains { $0.argv == ["cron", "disable", cronID] }, "cron id not verbatim: \(calls.filter { $0.argv.first == "cron" }.map(\.argv))")
        #expect(calls.contains { $0.argv.starts(with: ["plugins", "disable"]) && $0.argv.contains(pluginID) },
                "plugin id not verbatim: \(calls.filter { $0.argv.first == "plugins" }.map(\.argv))")
        let patch = calls.first { $0.argv.contains("sessions.patch") }
        let params = patch.flatMap { call in call.argv.firstIndex(of: "--params").map { call.argv[$0 + 1] } }
        let decoded = params.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String] }
        #expect(decoded?["key"] == sessionKey, "session key not verbatim: \(params ?? "none")")
        #expect(calls.contains { $0.argv.contains("infer") && $0.argv.contains(model) }, "model id not verbatim in the probe")
        let issues = files.contents["issues"] as? [[String: Any]] ?? []
        #expect(issues.contains { ($0["body"] as? String)?.contains(payload) == true }, "the issue body lost the error text")
        #expect(!FileManager.default.fileExists(atPath: canary), "a shell ran one of the payloads")

        // Every file the healer wrote is its owner's alone.
        var modes: [String: String] = [:]
        for dir in [daemon.directory + "/state", daemon.directory + "/backups"] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] {
                let mode = fileMode(dir + "/" + name)
                modes[name] = String(mode, radix: 8)
                #expect(mode == 0o600, "\(dir)/\(name) has mode \(String(mode, radix: 8))")
            }
        }
        #expect(fileMode(daemon.directory + "/metrics.jsonl") == 0o600)
        #expect(modes.keys.contains { $0.hasSuffix(".self-heal.bak") }, "no config backup was taken: \(modes)")
        for name in ["self-heal-state.json", "self-heal-audit.jsonl", "self-heal.token", "self-heal-status.json"] {
            #expect(modes[name] != nil, "\(name) missing: \(modes)")
        }
        HardeningScale.record("security-argv", ["commandsChecked": calls.count, "issuesFiled": issues.count,
                                                "shellRan": FileManager.default.fileExists(atPath: canary), "fileModes": modes])
    }

    // MARK: - secrets

    @Test func secretsInErrorTextsNeverReachLogsAuditStatusOrIssues() throws {
        func random(_ count: Int) -> String {
            let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
            return String((0..<count).map { _ in alphabet.randomElement()! })
        }
        let secrets = [
            "sk-ant-api03-" + random(48), "ghp_" + random(36), "AIza" + random(35),
            "eyJ" + random(20) + "." + random(30) + "." + random(30), "xoxb-" + random(24), "hunter2" + random(12),
        ]
        let leaky = "401 {\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key: \(secrets[0])\"}}"
            + " Authorization: Bearer \(secrets[1]) url=https://api.example.com/v1?key=\(secrets[2]) api_key=\(secrets[5])"
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let scenario: [String: Any] = [
            "gateway": "up", "whatsapp": "connected",
            "cron": [["id": "c1", "name": "Nightly", "enabled": true,
                      "state": ["lastRunAtMs": now, "lastRunStatus": "error", "consecutiveErrors": 1,
                                "lastError": "TypeError while calling the API with token=\(secrets[4]) and \(secrets[3])"]]],
            "plugins": [["id": "leaky-plugin", "name": "Leaky", "enabled": true, "status": "error",
                         "error": "auth failed: Bearer \(secrets[1]) \(secrets[0])"]],
            "faults": ["gateway status": ["stderr": "Error: 401 invalid x-api-key \(secrets[0]); Authorization: Bearer \(secrets[3])\n",
                                          "exit": 1]],
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

        let event = try JSONSerialization.data(withJSONObject: ["model": "openai/gpt-5.2", "error": leaky, "sessionKey": "agent:main:x"])
        #expect(try daemon.client.request("POST", "/events", token: token, body: Array(event)).status == 202)
        // A caller guessing with a secret as the token.
        _ = try rawRequest(daemon, method: "POST", path: "/reload", authorization: "Bearer \(secrets[2])")
        let filed = DaemonProcess.eventually(timeout: 20) {
            (files.contents["issues"] as? [[String: Any]] ?? []).count >= 2 && files.records.contains { $0.argv.starts(with: ["cron", "disable"]) }
        }
        #expect(filed, "the issues were not filed: \(files.records.map(\.argv))")
        let statusBody = try daemon.client.request("GET", "/status").text
        let eventsBody = try daemon.client.request("GET", "/events?limit=500").text
        let metricsBody = try daemon.client.request("GET", "/metrics").text
        daemon.stop()

        let state = daemon.directory + "/state/"
        var places: [String: String] = [
            "daemon stderr": daemon.process.stderr,
            "audit log": (try? String(contentsOfFile: state + "self-heal-audit.jsonl", encoding: .utf8)) ?? "",
            "status file": (try? String(contentsOfFile: state + "self-heal-status.json", encoding: .utf8)) ?? "",
            "state file": (try? String(contentsOfFile: state + "self-heal-state.json", encoding: .utf8)) ?? "",
            "metrics file": (try? String(contentsOfFile: daemon.directory + "/metrics.jsonl", encoding: .utf8)) ?? "",
            "GET /status": statusBody, "GET /events": eventsBody, "GET /metrics": metricsBody,
        ]
        let issues = files.contents["issues"] as? [[String: Any]] ?? []
        places["issue titles and bodies"] = issues.map { "\($0["title"] ?? "") \($0["body"] ?? "")" }.joined(separator: "\n")
        places["gh argv"] = files.records.filter { $0.tool == "gh" }.flatMap(\.argv).joined(separator: "\n")
        var leaks: [String] = []
        for (place, text) in places {
            for secret in secrets + [token] where text.contains(secret) {
                leaks.append("\(place) contains \(secret == token ? "the daemon's token" : secret)")
            }
        }
        #expect(leaks.isEmpty, "\(leaks)")
        // The texts did get there, redacted.
        #expect(places["audit log"]?.contains("[REDACTED]") == true)
        #expect(places["issue titles and bodies"]?.contains("[REDACTED]") == true, "\(issues)")
        #expect(places["status file"]?.contains("[REDACTED]") == true)
        HardeningScale.record("security-secrets", ["secretsPlanted": secrets.count + 1, "placesSearched": places.count,
                                                   "leaks": leaks.count, "issuesFiled": issues.count])
    }

    // MARK: - helpers

    /// One request with exactly the Authorization header given (ControlClient always adds "Bearer").
    func rawRequest(_ daemon: HardeningDaemon, method: String, path: String, authorization: String?) throws -> (status: Int, text: String) {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: 0\r\n"
        if let authorization { head += "Authorization: \(authorization)\r\n" }
        head += "\r\n"
        let parts = daemon.address.split(separator: ":")
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr(String(parts[0]))
        address.sin_port = UInt16(parts[1])!.bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw DaemonProcess.Failure("connect \(daemon.address): \(errno)") }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let bytes = Array(head.utf8)
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            data += buffer[0..<n]
        }
        let text = String(decoding: data, as: UTF8.self)
        let status = text.hasPrefix("HTTP/1.") ? Int(text.dropFirst(9).prefix(3)) ?? 0 : 0
        return (status, text)
    }

    func fileMode(_ path: String) -> Int {
        var info = stat()
        guard stat(path, &info) == 0 else { return -1 }
        return Int(info.st_mode) & 0o777
    }
}
