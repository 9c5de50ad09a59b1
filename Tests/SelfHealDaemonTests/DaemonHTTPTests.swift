import Foundation
import Testing
@testable import SelfHealDaemon

/// The built binary over real sockets, with no OpenClaw installed (a binary path that does not
/// exist): it must start on its config, report the gateway unreachable, and serve every endpoint.
@Suite(.serialized)
struct DaemonHTTPTests {
    func startDaemon(extraConfig: String = "", arguments: [String] = []) throws -> (DaemonProcess, ControlClient) {
        let daemon = try DaemonProcess(config: TestConfig.json5(extra: extraConfig),
                                       arguments: ["--openclaw-bin", "/nonexistent/openclaw"] + arguments)
        try daemon.start()
        let address = try daemon.waitForListening()
        return (daemon, try daemon.client(address))
    }

    @Test func healthStatusAndMetricsWithoutOpenClaw() throws {
        let (daemon, client) = try startDaemon()
        defer { daemon.stop() }
        #expect(try DaemonProcess.eventually { try client.request("GET", "/health").status == 200 })
        let status = try client.request("GET", "/status")
        #expect(status.status == 200)
        #expect(status.headers["content-type"]?.hasPrefix("application/json") == true)
        let object = try JSONSerialization.jsonObject(with: Data(status.body)) as? [String: Any]
        for key in ["health", "activeModel", "models", "whatsapp", "cron", "config", "generatedAt"] {
            #expect(object?[key] != nil, "status lacks \(key)")
        }
        let gateway = object?["gateway"] as? [String: Any]
        #expect(gateway?["reachable"] as? Bool != true)

        let metrics = try client.request("GET", "/metrics")
        #expect(metrics.status == 200)
        #expect(metrics.headers["content-type"] == "text/plain; version=0.0.4; charset=utf-8")
        #expect(metrics.text.contains("openclaw_self_heal_up 1"))
        let viaFormat = try client.request("GET", "/status?format=prometheus")
        #expect(viaFormat.text.contains("# TYPE openclaw_self_heal_ticks_total counter"))
        #expect(daemon.stop() == 0)
    }

    @Test func routingErrors() throws {
        let (daemon, client) = try startDaemon()
        defer { daemon.stop() }
        let missing = try client.request("GET", "/nope")
        #expect(missing.status == 404)
        #expect(missing.text.contains("\"error\""))
        let wrongMethod = try client.request("DELETE", "/status")
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.headers["allow"] != nil)
        let head = try client.request("HEAD", "/status")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(Int(head.headers["content-length"] ?? "") ?? 0 > 0)
    }

    @Test func mutatingEndpointsNeedTheToken() throws {
        let (daemon, client) = try startDaemon()
        defer { daemon.stop() }
        for (method, path) in [("POST", "/reload"), ("POST", "/probe"), ("POST", "/events")] {
            #expect(try client.request(method, path).status == 401, "\(path) without a token")
            #expect(try client.request(method, path, token: "wrong").status == 401, "\(path) with a wrong token")
        }
        let token = daemon.token
        #expect(token.count == 64)
        let mode = try FileManager.default.attributesOfItem(atPath: daemon.directory + "/state/self-heal.token")[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try client.request("POST", "/reload", token: token).status == 200)
    }

    @Test func reloadAppliesChangesAndRefusesABrokenConfig() throws {
        let (daemon, client) = try startDaemon()
        defer { daemon.stop() }
        let path = daemon.directory + "/config.json5"
        let original = try String(contentsOfFile: path, encoding: .utf8)
        try original.replacingOccurrences(of: "cooldownMinutes: 30", with: "cooldownMinutes: 45")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let applied = try client.request("POST", "/reload", token: daemon.token)
        #expect(applied.status == 200)
        #expect(applied.text.contains("cooldownMinutes"))
        #expect(applied.text.contains(#""restartRequired":[]"#), "\(applied.text)")

        try original.replacingOccurrences(of: "cooldownMinutes: 30", with: "cooldownMinutes: 45")
            .replacingOccurrences(of: daemon.directory + "/logs", with: daemon.directory + "/other-logs")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let pending = try client.request("POST", "/reload", token: daemon.token)
        #expect(pending.text.contains(#""restartRequired":["openclaw.logDir"]"#), "\(pending.text)")

        try original.replacingOccurrences(of: "cooldownMinutes: 30", with: "cooldownMinutes: 0, bogusKey: 1")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let refused = try client.request("POST", "/reload", token: daemon.token)
        #expect(refused.status == 422)
        #expect(refused.text.contains("cooldownMinutes"))
        #expect(refused.text.contains("bogusKey"))
        let status = try JSONSerialization.jsonObject(with: Data(try client.request("GET", "/status").body)) as? [String: Any]
        let config = status?["config"] as? [String: Any]
        #expect(config?["cooldownMinutes"] as? Int == 45)
    }

    @Test func postedFailureCoolsTheModel() throws {
        let (daemon, client) = try startDaemon()
        defer { daemon.stop() }
        let body = Array(#"{"model": "anthropic/claude-opus-4-6", "error": "429 {\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\"}}"}"#.utf8)
        let posted = try client.request("POST", "/events", token: daemon.token, body: body)
        #expect(posted.status == 202)
        let status = try JSONSerialization.jsonObject(with: Data(try client.request("GET", "/status").body)) as? [String: Any]
        let models = status?["models"] as? [[String: Any]] ?? []
        let opus = models.first { $0["id"] as? String == "anthropic/claude-opus-4-6" }
        #expect(opus?["status"] as? String == "cooldown")
        #expect(status?["activeModel"] as? String == "openai/gpt-5.2")
        let events = try client.request("GET", "/events?limit=10")
        #expect(events.status == 200)
        #expect(events.text.contains("anthropic/claude-opus-4-6"))
        #expect(try client.request("GET", "/events?limit=0").status == 400)
        #expect(try client.request("POST", "/events", token: daemon.token, body: Array("nope".utf8)).status == 400)
    }

    @Test func nonLoopbackBindWithoutATokenIsRefused() throws {
        let daemon = try DaemonProcess(config: TestConfig.json5(),
                                       arguments: ["--openclaw-bin", "/nonexistent/openclaw", "--listen", "0.0.0.0:0"])
        try daemon.start()
        daemon.process.waitUntilExit()
        #expect(daemon.process.terminationStatus == 1)
        #expect(daemon.stderr.contains("not a loopback address"))
    }
}
