import Foundation
import Testing
@testable import HealCore

/// Issue 12, point 1: when the gateway counts as down, and what is done about each condition.
struct PolicyGatewayConditionTests {
    static func gateway(rpc: Bool?, live: Bool? = false, unit: GatewayServiceState = .active, exit: Int? = nil,
                        pid: Int? = 4242, suspended: Bool = false, safeMode: Bool = false) -> GatewayObservation {
        var g = GatewayObservation(reachable: rpc, live: live, ready: live, detail: "test")
        g.rpcOk = rpc; g.serviceState = unit; g.lastExitStatus = exit; g.pid = pid
        g.suspended = suspended; g.safeMode = safeMode
        return g
    }

    /// Ticks every 60 s from `start`; returns the state and each tick's decisions.
    func run(_ gateways: [GatewayObservation], from state: HealState, config: HealConfig = makeConfig(),
             start: Double = 0) -> (HealState, [[Decision]]) {
        var s = state
        var all: [[Decision]] = []
        for (i, g) in gateways.enumerated() {
            let (next, d) = evaluate(s, observe(at: at(start + Double(i) * 60), gateway: g, whatsapp: .value(.unreachable)), config: config)
            s = next
            all.append(d)
        }
        return (s, all)
    }

    func gatewayRestarts(_ all: [[Decision]]) -> [Int] {
        all.indices.filter { all[$0].contains { if case .restartGateway = $0.action { return $0.isRunnable } else { return false } } }
    }

    func seenLive() -> HealState { evaluate(HealState(), observe(at: at(-60), gateway: Self.gateway(rpc: true, live: true))).0 }

    @Test func rpcOkMeansUpWhateverHealthzSaysAndTheProbeFaultIsSaidOnce() {
        var g = Self.gateway(rpc: true, live: false)
        g.probeFault = "http://127.0.0.1:9/healthz refused while the RPC answers"
        let (s, all) = run(Array(repeating: g, count: 20), from: seenLive())
        #expect(gatewayRestarts(all).isEmpty)
        #expect(s.gateway.downStreak == 0)
        #expect(all.flatMap { $0 }.with(rule: Rule.gatewayProbeFault).count == 1)
    }

    @Test func aWedgedGatewayIsRestartedAfterTheConfiguredTicksAndWindow() {
        let config = makeConfig { $0.gateway.downTicks = 3; $0.gateway.downWindowSec = 120 }
        let (_, all) = run(Array(repeating: Self.gateway(rpc: false, unit: .active), count: 6), from: seenLive(), config: config)
        // Ticks at 0, 60, 120: the third down tick is 120 s after the first.
        #expect(gatewayRestarts(all) == [2])
    }

    @Test func aGatewayStoppedByItsOwnerIsNeverStartedAndAlertedOnce() {
        let (s, all) = run(Array(repeating: Self.gateway(rpc: false, unit: .inactive, pid: nil), count: 30), from: seenLive())
        #expect(gatewayRestarts(all).isEmpty)
        let alerts = all.flatMap { $0 }.with(rule: Rule.gatewayStoppedByOwner)
        #expect(alerts.count == 1)
        #expect(alerts[0].trigger.contains("never starts it"))
        #expect(s.gateway.downStreak == 0)
        // An inconclusive tick in between does not make the alert come again.
        let blind = GatewayObservation(reachable: nil, detail: "openclaw missing")
        let (_, again) = run([blind, Self.gateway(rpc: false, unit: .inactive, pid: nil)], from: s, start: 1800)
        #expect(again.flatMap { $0 }.with(rule: Rule.gatewayStoppedByOwner).isEmpty)
    }

    @Test func aFailedUnitWithExit78IsAlertedAndNeverRestarted() {
        let (_, all) = run(Array(repeating: Self.gateway(rpc: false, unit: .failed, exit: 78, pid: nil), count: 30), from: seenLive())
        #expect(gatewayRestarts(all).isEmpty)
        let alerts = all.flatMap { $0 }.with(rule: Rule.gatewayFailed)
        #expect(alerts.count == 1 && alerts[0].trigger.contains("exit status 78") && alerts[0].trigger.contains("cannot fix"))
    }

    @Test func aFailedUnitWithACrashExitIsRestartedAfterTheWindow() {
        let (_, all) = run(Array(repeating: Self.gateway(rpc: false, unit: .failed, exit: 1, pid: nil), count: 8), from: seenLive())
        #expect(gatewayRestarts(all) == [5], "5 down ticks and 300 s: the tick at 300 s")
        #expect(all.flatMap { $0 }.with(rule: Rule.gatewayFailed).count == 1)
    }

    @Test func aSuspendedGatewayIsLeftAlone() {
        let (s, all) = run(Array(repeating: Self.gateway(rpc: false, unit: .active, suspended: true), count: 30), from: seenLive())
        #expect(gatewayRestarts(all).isEmpty)
        #expect(all.flatMap { $0 }.with(rule: Rule.gatewaySuspended).count == 1)
        #expect(s.gateway.downStreak == 0)
    }

    @Test func aStartingUnitIsNotCountedAsDown() {
        let (s, all) = run(Array(repeating: Self.gateway(rpc: false, unit: .activating, pid: nil), count: 30), from: seenLive())
        #expect(gatewayRestarts(all).isEmpty)
        #expect(s.gateway.downStreak == 0)
    }

    @Test func conditionsFromPlainValues() {
        #expect(Policy.condition(of: Self.gateway(rpc: true, live: false)) == .up)
        #expect(Policy.condition(of: Self.gateway(rpc: false, unit: .inactive)) == .stoppedByOwner)
        #expect(Policy.condition(of: Self.gateway(rpc: false, unit: .failed, exit: 78)) == .failed(exitStatus: 78))
        #expect(Policy.condition(of: Self.gateway(rpc: false, unit: .active)) == .down)
        #expect(Policy.condition(of: Self.gateway(rpc: false, unit: .unknown)) == .down)
        #expect(Policy.condition(of: Self.gateway(rpc: false, unit: .activating)) == .starting)
        #expect(Policy.condition(of: Self.gateway(rpc: nil, live: nil, unit: .unknown)) == .unknown)
        #expect(Policy.condition(of: Self.gateway(rpc: false, suspended: true)) == .suspended)
    }
}
