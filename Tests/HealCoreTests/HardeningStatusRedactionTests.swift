import Foundation
import Testing
@testable import HealCore

/// Found by HardeningSecurityTests: `gateway status` failing with an error that quotes an API key put
/// the key in `/status` and the status file through the gateway's detail (the faults map was
/// redacted, the detail was not).
@Suite struct HardeningStatusRedactionTests {
    static let key = "sk-ant-api03-Zx8mQ2vN4pL6rT0yW3bK5dF7hJ9cG1sA"
    static let jwt = "eyJhbGciOiJIUzI1.eyJzdWIiOiIxMjM0NTY3.SflKxwRJSMeKKF2QT4fw"

    @Test func observationDetailsAreRedactedInTheSnapshot() throws {
        var state = HealState()
        state.whatsapp.lastDetail = "channels status: 401 invalid x-api-key \(Self.key)"
        let gateway = GatewayObservation(reachable: false, live: false, ready: false,
                                         detail: "gateway status --json: exit 1: Error: 401 invalid x-api-key \(Self.key); Authorization: Bearer \(Self.jwt)")
        let snapshot = StatusBuilder.build(state: state, config: makeConfig(), inputs: StatusInputs(
            now: at(10), version: "0.1.0", pid: 1, startedAt: t0, lastTickAt: at(10), gateway: gateway))
        let json = String(decoding: try snapshot.jsonData(pretty: false), as: UTF8.self)
        #expect(!json.contains(Self.key) && !json.contains(Self.jwt), "\(json)")
        #expect(snapshot.gateway.detail.contains("sk-[REDACTED]"))
        #expect(snapshot.whatsapp.detail.contains("sk-[REDACTED]"))
    }
}
