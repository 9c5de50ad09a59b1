import Foundation
import HealCore
import RawHTTP
@testable import SelfHealDaemon
import Testing
import TestSupport

/// Every route of the control surface in process: requests go straight to the router's
/// responder (404, 405 with Allow, HEAD handled by `Router.respond(to:)`), no socket and no
/// child process, against a real `Healer` on a temporary state directory.
@Suite struct ControlRoutesTests {
    static let token = "route-test-token-0123456789abcdef"
    static let modelA: ModelID = "anthropic/claude-opus-4-6"
    static let modelB: ModelID = "openai/gpt-5.2"

    /// One healer and its routes; the directory goes when the value does.
    final class Fixture: @unchecked Sendable {
        let directory: String
        let healer: Healer
        let control: RecordingControl
        let router: Router

        init(reload: ReloadOutcome = .rejected(["FILE: cooldownMinutes: must be 1 to 10080, got 0"])) {
            directory = NSTemporaryDirectory() + "routes-\(UUID().uuidString.prefix(8))"
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            var config = HealConfig()
            config.modelOrder = [ControlRoutesTests.modelA, ControlRoutesTests.modelB]
            config.stateFile = directory + "/state.json"
            config.statusFile = directory + "/status.json"
            config.metricsFile = directory + "/metrics.jsonl"
            config.auditFile = directory + "/audit.jsonl"
            config.configFile = directory + "/openclaw.json"
            config.configBackupsDir = directory + "/backups"
            control = RecordingControl(stateFile: config.stateFile)
            healer = Healer(config: config, control: control, clock: TestClock(Date()), version: "test", pid: 1)
            let routes = ControlRoutes(healer: healer, gauge: HealthGauge(startedAt: Date()),
                                       auth: BearerAuth(token: ControlRoutesTests.token), authenticateReads: false,
                                       intervalSec: { 60 }, reloader: { reload })
            router = routes.router()
        }

        deinit { try? FileManager.default.removeItem(atPath: directory) }

        func send(_ method: String, _ target: String, token: String? = nil, body: String = "",
                  loopback: Bool = true, accept: String? = nil) async -> HTTPResponse {
            var headers = HTTPHeaders()
            headers.set("Host", "127.0.0.1:9477")
            if let token { headers.set("Authorization", "Bearer \(token)") }
            if let accept { headers.set("Accept", accept) }
            let request = HTTPRequest(method: method, target: target, headers: headers, body: Array(body.utf8),
                                      remoteAddress: loopback ? "127.0.0.1" : "192.0.2.7", isLoopbackPeer: loopback)
            return await router.respond(to: request)
        }
    }

    private func json(_ response: HTTPResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
    }

    private func text(_ response: HTTPResponse) -> String { String(decoding: response.body, as: UTF8.self) }

    @Test func healthAnswersOkBeforeTheFirstTickIsDue() async {
        let fixture = Fixture()
        _ = await fixture.healer.load()
        let response = await fixture.send("GET", "/health")
        #expect(response.status == 200)
        #expect(text(response) == #"{"status":"ok"}"#)
    }

    @Test func statusIsJSONOrPrometheusAsAsked() async {
        let fixture = Fixture()
        _ = await fixture.healer.load()
        let plain = await fixture.send("GET", "/status")
        #expect(plain.status == 200)
        #expect(plain.headers["Content-Type"]?.hasPrefix("application/json") == true)
        #expect(json(plain)["activeModel"] as? String == Self.modelA.description, "\(text(plain).prefix(300))")
        let prometheus = await fixture.send("GET", "/status", accept: "text/plain")
        #expect(prometheus.headers["Content-Type"] == PrometheusRenderer.contentType)
        let metrics = await fixture.send("GET", "/metrics")
        #expect(metrics.status == 200)
        #expect(text(metrics).contains("# TYPE"))
    }

    @Test func headIsTheGetWithoutItsBody() async {
        let fixture = Fixture()
        _ = await fixture.healer.load()
        let head = await fixture.send("HEAD", "/status")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.headers["Content-Type"]?.hasPrefix("application/json") == true)
    }

    @Test func unknownPathsAndMethodsAreAnsweredByTheRouter() async {
        let fixture = Fixture()
        let missing = await fixture.send("GET", "/nope")
        #expect(missing.status == 404)
        #expect(json(missing)["error"] as? String == "not_found")
        let wrong = await fixture.send("DELETE", "/status")
        #expect(wrong.status == 405)
        #expect(wrong.headers["Allow"] == "GET, HEAD")
        let postOnly = await fixture.send("GET", "/reload")
        #expect(postOnly.status == 405)
        #expect(postOnly.headers["Allow"] == "POST")
    }

    @Test func writesNeedTheTokenAndReadsDoFromOtherPeers() async {
        let fixture = Fixture()
        _ = await fixture.healer.load()
        let anonymous = await fixture.send("POST", "/reload")
        #expect(anonymous.status == 401)
        #expect(anonymous.headers["WWW-Authenticate"]?.hasPrefix("Bearer") == true)
        let wrong = await fixture.send("POST", "/reload", token: "nope")
        #expect(wrong.status == 401)
        #expect(json(wrong)["message"] as? String == "the bearer token is wrong")
        let remote = await fixture.send("GET", "/status", loopback: false)
        #expect(remote.status == 401)
        let remoteWithToken = await fixture.send("GET", "/status", token: Self.token, loopback: false)
        #expect(remoteWithToken.status == 200)
    }

    @Test func reloadAnswersWhatTheReloaderDid() async {
        let rejected = Fixture()
        let refused = await rejected.send("POST", "/reload", token: Self.token)
        #expect(refused.status == 422)
        #expect(json(refused)["errors"] as? [String] == ["FILE: cooldownMinutes: must be 1 to 10080, got 0"])
        let applied = Fixture(reload: .applied(changed: ["cooldownMinutes", "server.listen"], origin: "config file /x"))
        let done = await applied.send("POST", "/reload", token: Self.token)
        #expect(done.status == 200)
        #expect(json(done)["restartRequired"] as? [String] == ["server.listen"])
    }

    /// `POST /events` says what the healer did: a model failure blamed on a model is accepted
    /// with the verdict and the decisions; anything else says why it changed nothing.
    @Test func postedEventsAreAnsweredWithWhatTheHealerDid() async {
        let fixture = Fixture()
        _ = await fixture.healer.load()
        let limited = await fixture.send("POST", "/events", token: Self.token,
                                         body: #"{"model":"\#(Self.modelA)","error":"429 {\"type\":\"rate_limit_error\"}","status":429}"#)
        #expect(limited.status == 202)
        let answer = json(limited)
        #expect(answer["accepted"] as? Bool == true, "\(text(limited))")
        #expect((answer["verdict"] as? [String: Any])?["model"] as? String == Self.modelA.description)
        #expect((answer["verdict"] as? [String: Any])?["reason"] as? String == "rate_limit")
        #expect((answer["decisions"] as? [Any])?.isEmpty == false, "\(text(limited))")

        let notAModel = await fixture.send("POST", "/events", token: Self.token,
                                           body: #"{"model":"\#(Self.modelA)","error":"tool exec failed: ENOENT"}"#)
        #expect(json(notAModel)["accepted"] as? Bool == false, "\(text(notAModel))")
        #expect((json(notAModel)["reason"] as? String)?.hasPrefix("not a model failure") == true, "\(text(notAModel))")

        let success = await fixture.send("POST", "/events", token: Self.token, body: #"{"success":true}"#)
        #expect(json(success)["accepted"] as? Bool == false)
        #expect(json(success)["reason"] != nil)

        let garbage = await fixture.send("POST", "/events", token: Self.token, body: "{not json")
        #expect(garbage.status == 400)
        #expect(json(garbage)["error"] as? String == "bad_event")

        let events = await fixture.send("GET", "/events?limit=50")
        #expect(events.status == 200)
        #expect(text(events).contains(Self.modelA.description))
        let badQuery = await fixture.send("GET", "/events?limit=zero")
        #expect(badQuery.status == 400)
    }

    @Test func probeRunsThroughTheHealerAndRefusesUnknownModels() async {
        let fixture = Fixture()
        _ = await fixture.healer.load()
        let unknown = await fixture.send("POST", "/probe?model=nobody/none", token: Self.token)
        #expect(unknown.status == 404)
        #expect(json(unknown)["error"] as? String == "unknown_model")
        let probed = await fixture.send("POST", "/probe?model=\(Self.modelB)", token: Self.token)
        #expect(probed.status == 200, "\(text(probed))")
        #expect(fixture.control.actions.contains(.probeModel(model: Self.modelB)))
    }

    @Test func pauseAndResumeAndTheStatusPage() async {
        let fixture = Fixture()
        _ = await fixture.healer.load()
        let paused = await fixture.send("POST", "/pause?for=1800&reason=kernel%20update", token: Self.token)
        #expect(paused.status == 200, "\(text(paused))")
        #expect(json(paused)["paused"] as? Bool == true)
        let tooLong = await fixture.send("POST", "/pause?for=99999999", token: Self.token)
        #expect(tooLong.status == 400)
        let page = await fixture.send("GET", "/")
        #expect(page.status == 200)
        #expect(page.headers["Content-Type"]?.hasPrefix("text/html") == true)
        #expect(text(page).contains("</html>"))
        let resumed = await fixture.send("POST", "/resume", token: Self.token)
        #expect(json(resumed)["paused"] as? Bool == false)
    }
}
