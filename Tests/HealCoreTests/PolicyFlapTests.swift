import Foundation
import Testing
@testable import HealCore

/// Issue 12, point 7: flapping, with hysteresis.
struct PolicyFlapTests {
    let flap = HealConfig.Flap()   // more than 4 drops in 1800 s; quiet for 1800 s to end

    @Test func moreThanCountDropsInTheWindowIsFlappingUntilAQuietPeriod() {
        var t = FlapTracker()
        var changes: [(Double, FlapTracker.Change)] = []
        func note(_ up: Bool, _ at: Double) { let c = t.note(up: up, at: t0.addingTimeInterval(at), config: flap); if c != .none { changes.append((at, c)) } }
        note(true, 0)
        for i in 1...5 { note(false, Double(i) * 120); note(true, Double(i) * 120 + 60) }
        #expect(changes.map(\.1) == [.started])
        #expect(changes[0].0 == 600, "the fifth drop is the one past the count")
        // A drop during the quiet period keeps it flapping (hysteresis).
        note(false, 2000); note(true, 2060)
        note(true, 3700)
        #expect(t.isFlapping, "only 1700 s since the last drop")
        note(true, 3800)
        #expect(!t.isFlapping)
        #expect(changes.map(\.1) == [.started, .stopped])
    }

    @Test func drops_notCounted_whenCausedByOurOwnRestart() {
        var t = FlapTracker(lastUp: true)
        for i in 0..<10 { _ = t.note(up: false, at: at(Double(i) * 60), countDrop: false, config: flap); _ = t.note(up: true, at: at(Double(i) * 60 + 30), config: flap) }
        #expect(!t.isFlapping && t.drops.isEmpty)
    }

    @Test func aFlappingLinkGetsOneAlertAndNoRestart() {
        let config = makeConfig { $0.autoFix.whatsappDisconnectThreshold = 1; $0.openclaw.channelRestartGraceSec = 120 }
        var s = HealState()
        var all: [Decision] = []
        // Up one tick, down one tick: each outage too short for the grace window, but too many drops.
        for i in 0..<40 {
            let w: WhatsAppObservation = i % 2 == 0 ? .connected : .down
            let r = evaluate(s, observe(at: at(Double(i) * 60), whatsapp: .value(w)), config: config)
            s = r.0; all += r.1
        }
        #expect(all.with(rule: Rule.whatsappFlapping).count == 1)
        #expect(all.with(rule: Rule.whatsappFlapping)[0].trigger.contains("no restarts while it flaps"))
        #expect(s.disruptive.whatsappFlap.isFlapping)
        // Now it stays down for long: still flapping (no quiet period yet), so no restart.
        var restarts = 0
        for i in 40..<60 {
            let r = evaluate(s, observe(at: at(Double(i) * 60), whatsapp: .value(.down)), config: config)
            s = r.0
            restarts += r.1.filter { $0.isRunnable && $0.action != nil }.count
        }
        #expect(restarts == 0)
        // A quiet period later (no drop for 1800 s), flapping ends and the ladder may act again.
        var ended = false
        for i in 60..<80 {
            let r = evaluate(s, observe(at: at(Double(i) * 60), whatsapp: .value(.down)), config: config)
            s = r.0
            ended = ended || !r.1.with(rule: Rule.flappingEnded).isEmpty
            restarts += r.1.filter { $0.isRunnable && $0.action != nil }.count
        }
        #expect(ended && restarts >= 1)
    }

    @Test func aFlappingGatewayIsNotRestarted() {
        var up = GatewayObservation(reachable: true, live: true, ready: true, detail: "up")
        up.rpcOk = true; up.serviceState = .active
        var down = GatewayObservation(reachable: false, live: false, detail: "wedged")
        down.rpcOk = false; down.serviceState = .active
        let config = makeConfig { $0.gateway.downTicks = 3; $0.gateway.downWindowSec = 120 }
        var s = HealState()
        var all: [Decision] = []
        // Down two ticks, up one, seven times over: too short to restart, but it flaps.
        for i in 0..<21 {
            let r = evaluate(s, observe(at: at(Double(i) * 60), gateway: i % 3 == 2 ? up : down, whatsapp: .value(.unreachable)), config: config)
            s = r.0; all += r.1
        }
        #expect(all.with(rule: Rule.gatewayFlapping).count == 1)
        // Then down for good: no restart while it flaps.
        for i in 21..<36 {
            let r = evaluate(s, observe(at: at(Double(i) * 60), gateway: down, whatsapp: .value(.unreachable)), config: config)
            s = r.0; all += r.1
        }
        #expect(!all.contains { if case .restartGateway = $0.action { return $0.isRunnable } else { return false } })
        #expect(s.disruptive.gatewayFlap.isFlapping)
    }
}
