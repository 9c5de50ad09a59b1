import Foundation
import Testing
@testable import HealCore

/// Issue 12, point 4: never into OpenClaw's crash-loop breaker.
struct PolicyBreakerTests {
    func up(pid: Int?, startedAt: Date? = nil, safeMode: Bool = false) -> GatewayObservation {
        var g = GatewayObservation(reachable: true, live: true, ready: true, detail: "up")
        g.rpcOk = true; g.pid = pid; g.startedAt = startedAt; g.serviceState = .active; g.safeMode = safeMode
        return g
    }

    var wedged: GatewayObservation {
        var g = GatewayObservation(reachable: false, live: false, detail: "wedged")
        g.rpcOk = false; g.serviceState = .active
        return g
    }

    func actions(_ d: [Decision]) -> [HealAction] { d.filter(\.isRunnable).compactMap(\.action) }

    @Test func inSafeModeAStoppedAccountIsStartedOnceAndTheGatewayNeverRestarted() {
        let config = makeConfig { $0.autoFix.whatsappDisconnectThreshold = 1; $0.openclaw.channelRestartGraceSec = 0 }
        let stopped = WhatsAppObservation(present: true, accountId: "default", enabled: true, configured: true, linked: true,
                                          running: false, connected: false, healthState: "stopped")
        var s = HealState()
        var all: [Decision] = []
        for i in 0..<30 {
            let (next, d) = evaluate(s, observe(at: at(Double(i) * 60), gateway: up(pid: 9, safeMode: true), whatsapp: .value(stopped)),
                                     config: config)
            s = next; all += d
        }
        #expect(actions(all) == [.restartChannel(channel: "whatsapp", accountId: "default", stopFirst: false,
                                                  reason: "safe mode left the account stopped")])
        #expect(all.with(rule: Rule.channelStart).first?.trigger.contains("no restart") == true)
        #expect(all.with(rule: Rule.gatewaySafeMode).count == 2, "the gateway's safe mode, then the wait, each said once")
        #expect(!all.contains { if case .restartGateway = $0.action { return true } else { return false } })
    }

    @Test func bootsSeenFromStartTimesBlockTheRestartThatWouldTripTheBreaker() {
        var s = HealState()
        // The gateway crashed and came back twice in the last two minutes (new start times).
        (s, _) = evaluate(s, observe(at: at(-200), gateway: up(pid: 1, startedAt: at(-900))))
        (s, _) = evaluate(s, observe(at: at(-120), gateway: up(pid: 2, startedAt: at(-130))))
        (s, _) = evaluate(s, observe(at: at(-60), gateway: up(pid: 3, startedAt: at(-70))))
        #expect(s.disruptive.boots == [at(-130), at(-70)])
        let config = makeConfig { $0.gateway.downTicks = 1; $0.gateway.downWindowSec = 0 }
        var (next, d) = evaluate(s, observe(at: at(0), gateway: wedged), config: config)
        let refused = d.with(rule: Rule.gatewayRestart)
        #expect(refused.count == 1 && refused[0].refusal?.hasPrefix("crash-loop breaker: 2 gateway boots in the last 300 s") == true)
        #expect(next.restartBudget.restarts.isEmpty)
        // Once the window has drained (the boot at -130 s leaves it at 170 s), the restart may go.
        (next, d) = evaluate(next, observe(at: at(180), gateway: wedged), config: config)
        #expect(actions(d).map(\.kind) == ["restart_gateway"])
    }

    @Test func ourOwnRestartsCountTowardTheBreaker() {
        let config = makeConfig {
            $0.gateway.downTicks = 1; $0.gateway.downWindowSec = 0; $0.gateway.verifyWindowSec = 30
            $0.autoFix.whatsappMinRestartIntervalSec = 60; $0.restartBudget.maxRestarts = 10
        }
        var s = evaluate(HealState(), observe(at: at(-60), gateway: up(pid: 1))).0
        var granted: [Double] = []
        var breaker: [Double] = []
        for i in 0..<10 {
            let now = Double(i) * 60
            // Each of our restarts "works" (a new pid, ready) and the gateway wedges again at once.
            let g = i % 2 == 1 ? up(pid: 10 + i) : wedged
            let (next, d) = evaluate(s, observe(at: at(now), gateway: g), config: config)
            s = next
            if actions(d).contains(where: { $0.kind == "restart_gateway" }) { granted.append(now) }
            if d.contains(where: { $0.refusal?.hasPrefix("crash-loop breaker") == true }) { breaker.append(now) }
        }
        // Two restarts in the 300 s window, never the third boot; the next one only once the first leaves it.
        #expect(granted.first == 0)
        for (j, t) in granted.enumerated() where j >= 2 { #expect(t - granted[j - 2] >= 300, "\(granted)") }
        #expect(!breaker.isEmpty)
    }

    @Test func noRestartOfAGatewayInSafeMode() {
        var g = wedged
        g.safeMode = true
        var s = evaluate(HealState(), observe(at: at(-60), gateway: up(pid: 1))).0
        var all: [Decision] = []
        for i in 0..<20 { let r = evaluate(s, observe(at: at(Double(i) * 60), gateway: g)); s = r.0; all += r.1 }
        #expect(actions(all).isEmpty)
    }
}
