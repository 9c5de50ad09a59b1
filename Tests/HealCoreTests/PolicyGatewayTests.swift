import Foundation
import Testing
@testable import HealCore

struct PolicyGatewayTests {
    func gatewayRestarts(_ d: [Decision]) -> [Decision] { d.with(rule: Rule.gatewayRestart) }

    func seenLive() -> HealState { evaluate(HealState(), observe(at: at(-60))).0 }

    @Test func aGatewayDownForFiveTicksAndFiveMinutesIsRestarted() {
        var s = seenLive()
        var restartTick: [Int] = []
        for i in 0..<8 {
            let (next, d) = evaluate(s, observe(at: at(Double(i) * 75), gateway: gatewayDown, whatsapp: .value(.unreachable)))
            s = next
            if gatewayRestarts(d).contains(where: \.isRunnable) { restartTick.append(i) }
        }
        // Tick 4 is the 5th down tick at 300 s.
        #expect(restartTick == [4])
        #expect(s.gateway.downStreak == 3)
    }

    @Test func fiveFastTicksAreNotEnoughWithoutFiveMinutes() {
        var s = seenLive()
        for i in 0..<10 {
            let (next, d) = evaluate(s, observe(at: at(Double(i) * 30), gateway: gatewayDown))
            s = next
            #expect(gatewayRestarts(d).isEmpty, "tick \(i)")
        }
        #expect(s.gateway.downStreak == 10)
        let (_, d) = evaluate(s, observe(at: at(300), gateway: gatewayDown))
        #expect(gatewayRestarts(d).count == 1)
    }

    @Test func aGatewayNeverSeenLiveIsNotRestarted() {
        var s = HealState()
        for i in 0..<20 {
            let (next, d) = evaluate(s, observe(at: at(Double(i) * 60), gateway: gatewayDown))
            s = next
            #expect(gatewayRestarts(d).isEmpty)
        }
    }

    @Test func anUndeterminedGatewayChangesNothing() {
        var s = seenLive()
        (s, _) = evaluate(s, observe(at: at(0), gateway: gatewayDown))
        (s, _) = evaluate(s, observe(at: at(60), gateway: GatewayObservation(reachable: nil, detail: "openclaw missing")))
        #expect(s.gateway.downStreak == 1)
        (s, _) = evaluate(s, observe(at: at(120), gateway: gatewayLive))
        #expect(s.gateway.downStreak == 0 && s.gateway.downSince == nil)
    }

    @Test func aReachableButNotLiveGatewayIsDown() {
        let s = evaluate(seenLive(), observe(at: at(0), gateway: GatewayObservation(reachable: true, live: false))).0
        #expect(s.gateway.downStreak == 1)
    }
}
