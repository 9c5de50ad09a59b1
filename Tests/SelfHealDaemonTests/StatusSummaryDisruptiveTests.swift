import Foundation
import HealCore
import Testing
@testable import SelfHealDaemon

/// `openclaw-self-heal status` shows the gateway's condition, the verdicts on disruptive actions
/// and flapping (issue 12).
struct StatusSummaryDisruptiveTests {
    @Test func theSummaryShowsSafeModeVerdictsAndFlapping() {
        var state = HealState()
        state.disruptive.tally = ["channel-restart verified": 2, "gateway-restart did-not-help": 1]
        state.disruptive.whatsappFlap.flappingSince = Date(timeIntervalSince1970: 1_760_000_000)
        state.disruptive.verifications = [PendingVerification(kind: .cronDisable, incident: "i", rule: "cron-disable", target: "j1",
                                                              startedAt: Date(timeIntervalSince1970: 1_760_000_000),
                                                              deadline: Date(timeIntervalSince1970: 1_760_000_600))]
        var gateway = GatewayObservation(reachable: true, live: false, ready: true, detail: "x")
        gateway.rpcOk = true; gateway.serviceState = .active; gateway.safeMode = true
        gateway.probeFault = "healthz refused while the RPC answers"
        let snapshot = StatusBuilder.build(state: state, config: HealConfig(), inputs: StatusInputs(
            now: Date(timeIntervalSince1970: 1_760_000_100), version: "t", pid: 1, startedAt: Date(timeIntervalSince1970: 1_760_000_000),
            lastTickAt: nil, lastTickDurationMs: 0, gateway: gateway, faults: [:],
            counters: .init(ticks: 1, gatewayRestarts: 0, healActions: []), lastTickActed: false))
        let text = StatusSummary.render(snapshot)
        #expect(text.contains("unit active; SAFE MODE (crash-loop breaker); probe fault: healthz refused while the RPC answers"))
        #expect(text.contains("checks:    verified: channel-restart 2; did not help: gateway-restart 1; checking: cron-disable of j1"))
        #expect(text.contains("flapping:  whatsapp (no restarts until it is quiet)"))
        #expect(snapshot.health == .degraded, "safe mode and flapping are not healthy")
    }
}
