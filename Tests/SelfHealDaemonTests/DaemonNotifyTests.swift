import Foundation
import OpenClawKit
import SelfHealDaemon
import Testing
#if canImport(Glibc)
import Glibc
import TestSupport
#endif

/// Notifications through the built daemon, against local receivers on 127.0.0.1: incidents sent
/// once each (firing, reminder, resolved) across SIGTERM and SIGKILL, a receiver that was down
/// getting everything in order, HTTPS with a test CA, secrets kept to their own request, and
/// maintenance holding back a restart until `resume`.
@Suite(.serialized)
struct DaemonNotifyTests {
    static let openclawJSON = "{ gateway: { mode: 'local' } }\n"

    static func writeSecret(_ text: String, to path: String) throws {
        try (text + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o600)
    }

    static func status(_ port: Int) throws -> [String: Any] {
        let client = try ControlClient(url: "http://127.0.0.1:\(port)", timeout: 10)
        return try JSONSerialization.jsonObject(with: Data(try client.request("GET", "/status").body)) as? [String: Any] ?? [:]
    }

    static func targetStatus(_ port: Int, _ name: String) throws -> [String: Any]? {
        let targets = (try status(port)["notify"] as? [String: Any])?["targets"] as? [[String: Any]] ?? []
        return targets.first { $0["name"] as? String == name }
    }

    static func events(_ bodies: [[String: Any]]) -> [String] { bodies.compactMap { $0["event"] as? String } }

    /// Every file under `dir`, as text (binary files come out garbled, which is fine for a search).
    static func allText(under dir: String) -> String {
        guard let walker = FileManager.default.enumerator(atPath: dir) else { return "" }
        var out = ""
        for case let name as String in walker {
            if let data = FileManager.default.contents(atPath: dir + "/" + name) { out += String(decoding: data, as: UTF8.self) }
        }
        return out
    }

    static func writeScenario(_ daemon: HardeningRestartableDaemon, _ scenario: [String: Any]) throws {
        try FakeOpenClawScenario(directory: daemon.scenarioDirectory).write(scenario)
    }

    @Test func oneFiringOneReminderOneResolvedAcrossSigtermAndSigkill() throws {
        let port = try FreePort.pick()
        let hookToken = "tok-hook-SECRET-5f3a91"
        let ntfySecretPath = "/topic-SECRET-9c1d77"
        let receiverDir = NSTemporaryDirectory() + "self-heal-recv-\(UUID().uuidString.prefix(8))"
        let receiver = NotifyReceiver(directory: receiverDir, name: "plain")
        try receiver.start()
        defer { receiver.stop() }
        let daemon = try HardeningRestartableDaemon(config: TestConfig.json5(extra: """
            notify: {
              repeatIntervalSec: 10,
              targets: [
                { name: "hook", kind: "webhook", url: "http://127.0.0.1:\(receiver.port)/hook", tokenFile: "$DIR/hook.token" },
                { name: "phone", kind: "ntfy", urlFile: "$DIR/ntfy.url", minSeverity: "critical" },
              ],
            },
            """), port: port)
        defer { daemon.stop() }
        try Self.writeSecret(hookToken, to: daemon.directory + "/hook.token")
        try Self.writeSecret("http://127.0.0.1:\(receiver.port)\(ntfySecretPath)", to: daemon.directory + "/ntfy.url")
        try Self.openclawJSON.write(toFile: daemon.directory + "/openclaw.json", atomically: true, encoding: .utf8)
        try Self.writeScenario(daemon, ["gateway": "up", "whatsapp": ["state": "logged-out"]])

        try daemon.start()
        #expect(DaemonProcess.eventually(timeout: 20) { Self.events(receiver.bodies(path: "/hook")) == ["opened"] },
                "\(receiver.requests())\n\(daemon.currentStderr)")
        let opened = try #require(receiver.bodies(path: "/hook").first)
        let incident = try #require(opened["incident"] as? String)
        #expect(opened["version"] as? Int == 1)
        #expect(opened["status"] as? String == "firing")
        #expect(opened["severity"] as? String == "critical")
        #expect(opened["rule"] as? String == "whatsapp-alert")
        #expect(opened["title"] as? String == "WhatsApp link needs a human")
        #expect((opened["summary"] as? String)?.contains("scan the QR code") == true)
        #expect((opened["evidence"] as? [String])?.isEmpty == false)
        #expect(opened["resolvedAt"] is NSNull)
        #expect(opened["dryRun"] as? Bool == false)
        #expect((opened["host"] as? String)?.isEmpty == false)
        #expect(opened["startedAt"] as? String != nil)
        // The same id is the audit log's.
        let audit = (try? String(contentsOfFile: daemon.stateDirectory + "/self-heal-audit.jsonl", encoding: .utf8)) ?? ""
        #expect(audit.contains("\"incident\":\"\(incident)\"") && audit.contains("incident-opened"))

        // SIGTERM and start again: the incident stays open and nothing is sent again.
        daemon.stop()
        try daemon.start()
        Thread.sleep(forTimeInterval: 3)
        #expect(Self.events(receiver.bodies(path: "/hook")) == ["opened"])
        // SIGKILL and start again: the same.
        daemon.kill9()
        try daemon.start()
        #expect(DaemonProcess.eventually(timeout: 20) { Self.events(receiver.bodies(path: "/hook")) == ["opened", "reminder"] },
                "\(Self.events(receiver.bodies(path: "/hook")))")
        try Self.writeScenario(daemon, ["gateway": "up", "whatsapp": "connected"])
        // Both targets have it before the kill: a kill between a delivery and the outbox's save of
        // it repeats that one message (at least once, same id); that window is not what this tests.
        #expect(DaemonProcess.eventually(timeout: 15) {
            Self.events(receiver.bodies(path: "/hook")).last == "resolved"
                && receiver.requests().filter { $0["path"] as? String == ntfySecretPath }.count == 3
        }, "\(Self.events(receiver.bodies(path: "/hook")))")
        Thread.sleep(forTimeInterval: 1)
        daemon.kill9()
        try daemon.start()
        Thread.sleep(forTimeInterval: 3)

        let hook = receiver.bodies(path: "/hook")
        #expect(Self.events(hook) == ["opened", "reminder", "resolved"])
        #expect(hook.allSatisfy { $0["incident"] as? String == incident })
        #expect(hook.last?["status"] as? String == "resolved")
        #expect(hook.last?["resolvedAt"] as? String != nil)
        #expect(Set(hook.compactMap { $0["id"] as? String }).count == 3)

        // ntfy: its native format, the same three messages, on its own secret path only.
        let requests = receiver.requests()
        let ntfy = requests.filter { $0["path"] as? String == ntfySecretPath }
        #expect(ntfy.count == 3)
        let ntfyHeaders = ntfy.first?["headers"] as? [String: String] ?? [:]
        #expect(ntfyHeaders["title"] == "WhatsApp link needs a human")
        #expect(ntfyHeaders["priority"] == "5")
        #expect(ntfyHeaders["tags"] == "rotating_light,openclaw")
        #expect((ntfy.last?["headers"] as? [String: String])?["tags"] == "white_check_mark,openclaw")
        #expect(ntfy.allSatisfy { ($0["headers"] as? [String: String])?["authorization"] == nil })

        // Secrets: only in the request to their own target.
        for r in requests {
            let text = String(decoding: try JSONSerialization.data(withJSONObject: r), as: UTF8.self)
            let isHook = r["path"] as? String == "/hook"
            #expect(text.contains(hookToken) == isHook, "hook token in \(r["path"] ?? "")")
            if isHook { #expect((r["headers"] as? [String: String])?["authorization"] == "Bearer \(hookToken)") }
            #expect(!(r["body"] as? String ?? "").contains(ntfySecretPath))
        }
        let client = try ControlClient(url: "http://127.0.0.1:\(port)", timeout: 10)
        let served = try client.request("GET", "/status").text + client.request("GET", "/metrics").text
            + client.request("GET", "/events?limit=1000").text
        let kept = Self.allText(under: daemon.stateDirectory) + (0...daemon.runs).map { run in
            (try? String(contentsOfFile: daemon.directory + "/stderr-\(run).log", encoding: .utf8)) ?? ""
        }.joined()
        for secret in [hookToken, ntfySecretPath] {
            #expect(!served.contains(secret), "\(secret) served")
            #expect(!kept.contains(secret), "\(secret) in the state directory or the log")
        }
        let target = try #require(try Self.targetStatus(port, "hook"))
        #expect(target["delivered"] as? Int == 3)
        #expect(target["queued"] as? Int == 0)
        #expect(try client.request("GET", "/metrics").text.contains("openclaw_self_heal_notify_delivered_total{target=\"hook\",kind=\"webhook\"} 3"))
    }

    @Test func aReceiverThatWasDownGetsEveryMessageAfterwardsInOrder() throws {
        let port = try FreePort.pick()
        let receiverDir = NSTemporaryDirectory() + "self-heal-recv-\(UUID().uuidString.prefix(8))"
        let receiver = NotifyReceiver(directory: receiverDir, name: "down")
        try receiver.start()
        let receiverPort = receiver.port
        receiver.stop()  // down from the start
        defer { receiver.stop() }
        let daemon = try HardeningRestartableDaemon(config: TestConfig.json5(extra: """
            notify: { targets: [{ name: "hook", kind: "webhook", url: "http://127.0.0.1:\(receiverPort)/hook" }] },
            """), port: port)
        defer { daemon.stop() }
        try Self.openclawJSON.write(toFile: daemon.directory + "/openclaw.json", atomically: true, encoding: .utf8)
        try Self.writeScenario(daemon, ["gateway": "up", "whatsapp": ["state": "logged-out"]])
        try daemon.start()
        let client = try ControlClient(url: "http://127.0.0.1:\(port)", timeout: 10)
        let token = try String(contentsOfFile: daemon.stateDirectory + "/self-heal.token", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(DaemonProcess.eventually(timeout: 15) { (try? Self.targetStatus(port, "hook"))??["failed"] as? Int ?? 0 >= 1 })
        #expect(try client.request("POST", "/pause?for=600&reason=upgrading", token: token).status == 200)
        #expect(try client.request("POST", "/resume", token: token).status == 200)
        #expect(DaemonProcess.eventually(timeout: 5) { (try? Self.targetStatus(port, "hook"))??["queued"] as? Int == 3 })
        let failing = try #require(try Self.targetStatus(port, "hook"))
        #expect((failing["lastError"] as? String)?.contains("onnect") == true, "\(failing)")
        // A crash while it is down loses nothing either.
        daemon.kill9()
        try daemon.start()

        try receiver.start(port: receiverPort)
        #expect(DaemonProcess.eventually(timeout: 25) { receiver.bodies(path: "/hook").count >= 3 }, "\(receiver.requests())")
        Thread.sleep(forTimeInterval: 1)
        let bodies = receiver.bodies(path: "/hook")
        #expect(Self.events(bodies) == ["opened", "maintenance-started", "maintenance-ended"])
        #expect(bodies[1]["summary"] as? String != nil && (bodies[1]["evidence"] as? [String])?.contains("reason: upgrading") == true)
        #expect(bodies[2]["status"] as? String == "resolved")
        #expect(try Self.targetStatus(port, "hook")?["queued"] as? Int == 0)
    }

    @Test func httpsWithTheTestCAIsDeliveredAndAWrongCertificateIsRefused() throws {
        let dir = NSTemporaryDirectory() + "self-heal-tls-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let ca = try TestCA(directory: dir)
        let good = NotifyReceiver(directory: dir, name: "good", tls: (ca.serverCert, ca.serverKey))
        let wrong = NotifyReceiver(directory: dir, name: "wrong", tls: (ca.wrongCert, ca.wrongKey))
        try good.start(); try wrong.start()
        defer { good.stop(); wrong.stop() }
        let token = "tok-tls-SECRET-77aa"
        try Self.writeSecret(token, to: dir + "/tls.token")
        let config = TestConfig.json5(extra: """
            notify: {
              caFile: "\(ca.caFile)",
              targets: [
                { name: "good", kind: "webhook", url: "https://127.0.0.1:\(good.port)/hook", tokenFile: "\(dir)/tls.token" },
                { name: "wrong", kind: "slack", url: "https://127.0.0.1:\(wrong.port)/services/T0/B0/x" },
              ],
            },
            """).replacingOccurrences(of: "$DIR", with: dir)
        try config.write(toFile: dir + "/config.json5", atomically: true, encoding: .utf8)

        let all = try Self.run(["notify", "test", "--config", dir + "/config.json5"])
        #expect(all.status == 1, "\(all.output)")
        #expect(all.output.contains("good: delivered (HTTP 200"), "\(all.output)")
        #expect(all.output.contains("wrong: FAILED:") && all.output.lowercased().contains("certificate"), "\(all.output)")
        #expect(!all.output.contains(token))
        let one = try Self.run(["notify", "test", "--config", dir + "/config.json5", "--target", "good"])
        #expect(one.status == 0, "\(one.output)")
        let bodies = good.bodies(path: "/hook")
        #expect(bodies.count == 2)
        // The exact body, with the values that differ per run taken from it and checked for shape.
        let first = try #require(bodies.first)
        let incident = try #require(first["incident"] as? String)
        #expect(incident.wholeMatch(of: #/test-[0-9]{10}/#) != nil)
        #expect((first["startedAt"] as? String)?.wholeMatch(of: #/20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z/#) != nil)
        let startedAt = try #require(first["startedAt"] as? String)
        let raw = try #require(good.requests().first?["body"] as? String)
        #expect(raw == #"{"dryRun":false,"event":"test","evidence":[],"host":""# + ProcessInfo.processInfo.hostName
                + #"","id":""# + incident + #"/good","incident":""# + incident + #"","resolvedAt":null,"rule":"notify-test","#
                + #""severity":"info","startedAt":""# + startedAt + #"","status":"firing","#
                + #""summary":"If you read this, target good works. Nothing is wrong.","#
                + #""title":"Test message from openclaw-self-heal","version":1}"#, "\(raw)")
        #expect(good.requests().allSatisfy { ($0["headers"] as? [String: String])?["authorization"] == "Bearer \(token)" })
        #expect(wrong.requests().isEmpty)  // the handshake failed before any request

        // check-config reads the secrets too: a group-readable token file is refused, by name only.
        chmod(dir + "/tls.token", 0o640)
        let check = try Self.run(["check-config", dir + "/config.json5"])
        #expect(check.status == 1)
        #expect(check.output.contains("notify.targets[0].tokenFile: \(dir)/tls.token: readable or writable by group or others"), "\(check.output)")
        #expect(!check.output.contains(token))
    }

    @Test func maintenanceHoldsARestartBackUntilResume() throws {
        let port = try FreePort.pick()
        let receiverDir = NSTemporaryDirectory() + "self-heal-recv-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: receiverDir, withIntermediateDirectories: true)
        let ca = try TestCA(directory: receiverDir)
        // Over HTTPS with the test CA, through the daemon's own outbox.
        let receiver = NotifyReceiver(directory: receiverDir, name: "maint", tls: (ca.serverCert, ca.serverKey))
        try receiver.start()
        defer { receiver.stop() }
        let daemon = try HardeningRestartableDaemon(config: TestConfig.json5(extra: """
            autoFix: { whatsappDisconnectThreshold: 1 },
            notify: { caFile: "\(ca.caFile)", targets: [{ name: "hook", kind: "webhook", url: "https://127.0.0.1:\(receiver.port)/hook" }] },
            """).replacingOccurrences(of: "logDir:", with: "channelRestartGraceSec: 0, logDir:"), port: port)
        defer { daemon.stop() }
        try Self.openclawJSON.write(toFile: daemon.directory + "/openclaw.json", atomically: true, encoding: .utf8)
        try Self.writeScenario(daemon, ["gateway": "up", "whatsapp": "connected"])
        try daemon.start()
        let token = try String(contentsOfFile: daemon.stateDirectory + "/self-heal.token", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let pause = try Self.run(["pause", "--for", "2h", "--reason", "upgrading the gateway",
                                  "--url", "http://127.0.0.1:\(port)", "--token-file", daemon.stateDirectory + "/self-heal.token"])
        #expect(pause.status == 0, "\(pause.output)")
        #expect(try (Self.status(port)["maintenance"] as? [String: Any])?["reason"] as? String == "upgrading the gateway")

        // Paused across a restart of the healer too.
        daemon.stop()
        try daemon.start()
        #expect(try Self.status(port)["maintenance"] != nil)
        let client = try ControlClient(url: "http://127.0.0.1:\(port)", timeout: 10)
        #expect(try client.request("GET", "/metrics").text.contains("openclaw_self_heal_maintenance 1"))
        let summary = try Self.run(["status", "--url", "http://127.0.0.1:\(port)"])
        #expect(summary.output.contains("maint:     PAUSED until"), "\(summary.output)")

        try Self.writeScenario(daemon, ["gateway": "up", "whatsapp": ["state": "disconnected", "afterRestart": "connected"]])
        let fake = try FakeOpenClawScenario(daemonDirectory: daemon.directory)
        // A dropped link's first step is the channel restart (`channels.stop`), a gateway restart
        // only after it: either is the restart maintenance held back.
        func restarted() -> Bool {
            fake.calls().contains {
                $0.starts(with: ["openclaw", "gateway", "restart"]) || $0.starts(with: ["openclaw", "gateway", "call", "channels.stop"])
            }
        }
        #expect(DaemonProcess.eventually(timeout: 10) {
            ((try? String(contentsOfFile: daemon.stateDirectory + "/self-heal-audit.jsonl", encoding: .utf8)) ?? "")
                .contains("maintenance: paused until")
        })
        #expect(!restarted(), "\(fake.calls())")

        let resume = try Self.run(["resume", "--url", "http://127.0.0.1:\(port)", "--token-file", daemon.stateDirectory + "/self-heal.token"])
        #expect(resume.status == 0, "\(resume.output)")
        #expect(DaemonProcess.eventually(timeout: 10) { restarted() }, "\(fake.calls())")
        #expect(try Self.status(port)["maintenance"] == nil)
        #expect(DaemonProcess.eventually(timeout: 10) { Self.events(receiver.bodies(path: "/hook")) == ["maintenance-started", "maintenance-ended"] },
                "\(Self.events(receiver.bodies(path: "/hook")))")
        _ = token
    }

    /// In process, with an observer that never answers after two ticks (a wedged loop).
    @Test func theHeartbeatIsSentWhileTheHealerIsHealthyAndStopsWhenItsLoopWedges() async throws {
        let receiverDir = NSTemporaryDirectory() + "self-heal-recv-\(UUID().uuidString.prefix(8))"
        let receiver = NotifyReceiver(directory: receiverDir, name: "hb")
        try receiver.start()
        defer { receiver.stop() }
        let pingPath = "/ping/SECRET-uuid-0b1e"
        let daemon = try InProcessDaemon(config: TestConfig.json5(commandTimeoutSec: 1, extra: """
            notify: { heartbeat: { urlFile: "$DIR/hb.url", intervalSec: 10 } },
            """), openclawBin: DaemonProcess.fakeOpenClaw, prepare: { directory in
                try Self.writeSecret("http://127.0.0.1:\(receiver.port)\(pingPath)", to: directory + "/hb.url")
            }, dependencies: { runner, environment in
                DaemonDependencies(control: OpenClawControl(runner: runner, extraEnvironment: environment),
                                   observer: WedgingObserver(wrapped: OpenClawObserver(runner: runner, extraEnvironment: environment), ticks: 2))
            })
        let started = Date()
        let address = try await daemon.start()
        #expect(await InProcessDaemon.eventually(timeout: .seconds(15)) { receiver.requests().count >= 2 }, "\(receiver.requests())")
        // The loop wedged after two ticks; once past the watchdog's bound (12 s) no more pings.
        try await Task.sleep(for: .seconds(max(0, 26 - Date().timeIntervalSince(started))))
        let pings = receiver.requests()
        #expect(pings.count == 2, "\(pings.count) pings")
        #expect(pings.allSatisfy { $0["method"] as? String == "GET" && $0["path"] as? String == pingPath })
        let body = try await InProcessDaemon.request(address, "GET", "/status").body
        let status = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
        let hb = (status?["notify"] as? [String: Any])?["heartbeat"] as? [String: Any]
        #expect(hb?["sent"] as? Int == 2)
        #expect(!String(decoding: try await InProcessDaemon.request(address, "GET", "/status").body, as: UTF8.self).contains("SECRET-uuid"))
        #expect(!daemon.log.text.contains("SECRET-uuid"))
        await daemon.stop()
    }

    @Test func secretFilesAreCheckedAtStartAndOnReload() throws {
        let daemon = try DaemonProcess(config: TestConfig.json5(extra: """
            notify: { targets: [{ name: "hook", kind: "webhook", url: "http://127.0.0.1:9/hook", tokenFile: "$DIR/hook.token" }] },
            """), arguments: ["--openclaw-bin", DaemonProcess.fakeOpenClaw])
        let secret = "tok-reload-SECRET-31"
        try Self.writeSecret(secret, to: daemon.directory + "/hook.token")
        try daemon.start()
        defer { daemon.stop() }
        let client = try daemon.client(try daemon.waitForListening())
        chmod(daemon.directory + "/hook.token", 0o644)
        let refused = try client.request("POST", "/reload", token: daemon.token)
        #expect(refused.status == 422)
        #expect(refused.text.contains("notify.targets[0].tokenFile: \(daemon.directory)/hook.token: readable or writable by group or others"),
                "\(refused.text)")
        #expect(!refused.text.contains(secret))
        #expect(daemon.stop() == 0)

        // At start: refused with the config exit code, the file named, its content not.
        let again = try DaemonProcess(config: TestConfig.json5(extra: """
            notify: { targets: [{ name: "hook", kind: "webhook", url: "http://127.0.0.1:9/hook", tokenFile: "\(daemon.directory)/hook.token" }] },
            """), arguments: ["--openclaw-bin", DaemonProcess.fakeOpenClaw])
        try again.start()
        again.process.waitUntilExit()
        #expect(again.process.terminationStatus == 78)
        #expect(again.stderr.contains("hook.token: readable or writable by group or others"), "\(again.stderr)")
        #expect(!again.stderr.contains(secret))
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: DaemonProcess.binary)
        p.arguments = arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
