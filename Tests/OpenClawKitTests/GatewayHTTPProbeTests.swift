import Foundation
import HealCore
import Testing
@testable import OpenClawKit

@Suite struct GatewayHTTPProbeTests {
    let probe = GatewayHTTPProbe(connectTimeout: .milliseconds(500), readTimeout: .milliseconds(400))

    @Test func liveAndReady() async throws {
        let server = try FakeHealthServer()
        defer { server.stop() }
        let observation = await probe.probe(baseURL: server.baseURL)
        #expect(observation.reachable == true)
        #expect(observation.live == true)
        #expect(observation.ready == true)
        #expect(observation.detail.contains("healthz: 200"))
        #expect(Set(server.requestedPaths) == ["/healthz", "/readyz"])
    }

    /// Issue 12: a local `/readyz` whose details name safe mode (it has answered 200 in that state).
    @Test func readyzDetailsThatNameSafeModeAreSafeMode() async throws {
        let server = try FakeHealthServer(routes: [
            "/healthz": FakeHealthServer.live,
            "/readyz": .respond(status: 200, body: #"{"ready":true,"crashLoop":{"safeMode":true,"uncleanBoots":3}}"#),
        ])
        defer { server.stop() }
        let observation = await probe.probe(baseURL: server.baseURL)
        #expect(observation.ready == true && observation.safeMode)
        let plain = try FakeHealthServer()
        defer { plain.stop() }
        #expect(await probe.probe(baseURL: plain.baseURL).safeMode == false)
    }

    @Test func chunkedBodyAndBasePath() async throws {
        let server = try FakeHealthServer(routes: [
            "/gw/healthz": .respond(status: 200, body: #"{"ok":true,"status":"live"}"#, chunked: true),
            "/gw/readyz": .respond(status: 503, body: #"{"ready":false,"failing":["whatsapp"]}"#, chunked: true),
        ])
        defer { server.stop() }
        let observation = await probe.probe(baseURL: server.baseURL + "/gw/")
        #expect(observation.live == true)
        #expect(observation.ready == false)
        #expect(observation.reachable == true)
    }

    @Test func controlUICatchAllIsNotLive() async throws {
        let server = try FakeHealthServer(routes: [:])
        defer { server.stop() }
        let verdict = await probe.check(path: "/healthz", baseURL: server.baseURL)
        guard case .foreign(200, let excerpt) = verdict else { Issue.record("got \(verdict)"); return }
        #expect(excerpt.hasPrefix("<!doctype html>"))
        let observation = await probe.probe(baseURL: server.baseURL)
        #expect(observation.reachable == nil)
        #expect(observation.live == nil)
        #expect(observation.detail.contains("not the gateway's JSON"))
    }

    @Test func otherJSONWith200IsNotLive() async throws {
        let server = try FakeHealthServer(routes: ["/healthz": .respond(status: 200, body: #"{"ok":true}"#)])
        defer { server.stop() }
        guard case .foreign = await probe.check(path: "/healthz", baseURL: server.baseURL) else {
            Issue.record("a body without status:\"live\" must not count"); return
        }
    }

    @Test func drainingGatewayIsReachableButNotLive() async throws {
        let server = try FakeHealthServer(routes: ["/healthz": .respond(status: 503, body: #"{"ok":false,"status":"draining"}"#),
                                                   "/readyz": .respond(status: 503, body: #"{"ready":false}"#)])
        defer { server.stop() }
        let observation = await probe.probe(baseURL: server.baseURL)
        #expect(observation == GatewayObservation(reachable: true, live: false, ready: false, detail: observation.detail))
    }

    @Test func refused() async {
        let port = FakeHealthServer.closedPort()
        let observation = await probe.probe(baseURL: "http://127.0.0.1:\(port)")
        #expect(observation.reachable == false)
        #expect(observation.live == false)
        #expect(observation.ready == nil)
        #expect(observation.detail.contains("connection refused (127.0.0.1:\(port))"))
    }

    @Test func hungEndpointTimesOutQuickly() async throws {
        let server = try FakeHealthServer(routes: ["/healthz": .hang, "/readyz": .hang])
        defer { server.stop() }
        let started = Date()
        let observation = await probe.probe(baseURL: server.baseURL)
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(observation.reachable == nil)
        #expect(observation.live == false)
        #expect(observation.detail.contains("no answer within 400 ms"))
    }

    @Test func badURLs() async {
        #expect(await probe.check(path: "/healthz", baseURL: "https://127.0.0.1:1") ==
                .failed("unsupported URL scheme in 'https://127.0.0.1:1' (only http:// is probed)"))
        #expect(await probe.check(path: "/healthz", baseURL: "http://127.0.0.1:99999") ==
                .failed("malformed gateway URL 'http://127.0.0.1:99999'"))
    }

    @Test func urlParsing() throws {
        #expect(try GatewayURL.parse("http://127.0.0.1:18789") == GatewayURL(host: "127.0.0.1", port: 18789, basePath: ""))
        #expect(try GatewayURL.parse("http://[::1]:19001/base/") == GatewayURL(host: "::1", port: 19001, basePath: "/base"))
        #expect(try GatewayURL.parse("ws://localhost") == GatewayURL(host: "localhost", port: 80, basePath: ""))
        #expect(try GatewayURL.parse("http://[::1]:19001").authority == "[::1]:19001")
    }
}
