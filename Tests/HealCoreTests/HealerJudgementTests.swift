import Foundation
import Testing
@testable import HealCore
import TestSupport

/// A clock whose wall time can jump while its monotonic time only moves forward.
final class JumpingClock: HealClock, MonotonicSource, @unchecked Sendable {
    private let lock = NSLock()
    private var wall: Date
    private var mono: Double = 1000
    init(_ start: Date = t0) { wall = start }
    func now() -> Date { lock.withLock { wall } }
    func monotonicSeconds() -> Double { lock.withLock { mono } }
    /// Both clocks move.
    func advance(_ seconds: Double) { lock.withLock { wall = wall.addingTimeInterval(seconds); mono += seconds } }
    /// Only the wall clock moves (NTP, `date -s`, a resumed VM).
    func jumpWall(_ seconds: Double) { lock.withLock { wall = wall.addingTimeInterval(seconds) } }
}

/// A control whose gateway restart takes as long as the test says.
final class SlowRestartControl: GatewayControl, @unchecked Sendable {
    private let lock = NSLock()
    private var released = false
    private var _restarts = 0
    var restarts: Int { lock.withLock { _restarts } }
    func release() { lock.withLock { released = true } }
    func plan(_ action: HealAction, config: HealConfig) -> ActionPlan { ActionPlan(argv: [[action.kind]]) }
    func execute(_ action: HealAction, config: HealConfig) async -> ActionOutcome {
        guard case .restartGateway = action else { return ActionOutcome(ok: true, detail: "done") }
        lock.withLock { _restarts += 1 }
        while !lock.withLock({ released }) { try? await Task.sleep(for: .milliseconds(10)) }
        var outcome = ActionOutcome(ok: false, detail: "restart under way: exit 2 still-starting")
        outcome.pending = true
        return outcome
    }
}

struct HealerJudgementTests {
    /// Issue 12, point 8: a wall-clock jump neither ends a pause nor starts a window.
    @Test func aWallClockJumpNeitherFiresNorBlocksAnAction() async throws {
        let box = HealerSandbox(#function, eagerRestarts); defer { box.cleanup() }
        var seeded = HealState()
        seeded.restartBudget = RestartBudgetState(restarts: [], lastRestartAt: at(-7200), pausedUntil: at(600), pauseReason: "spent")
        try StateStore(path: box.stateFile).save(seeded)
        let clock = JumpingClock()
        let healer = Healer(config: box.config, control: RecordingControl(stateFile: box.stateFile), clock: clock, version: "t", pid: 1)
        _ = await healer.load()
        // Forward a day on the wall clock, 60 s on the monotonic one: the pause (until 600 s) holds.
        clock.advance(60); clock.jumpWall(86_400)
        var report = await healer.tick(observe(at: clock.now(), whatsapp: .value(.down)))
        #expect(report.decisions.allSatisfy { !$0.decision.isRunnable || $0.decision.action == nil })
        #expect(await healer.currentState.restartBudget.pausedUntil == at(600), "the pause did not end early")
        // Backward two days: the pause still ends when 600 s have really passed.
        clock.jumpWall(-2 * 86_400)
        clock.advance(600)
        report = await healer.tick(observe(at: clock.now(), whatsapp: .value(.down)))
        #expect(report.decisions.contains { $0.decision.rule == Rule.restartBudgetResumed })
        #expect(report.decisions.contains { $0.decision.rule == Rule.channelRestart && $0.outcome == .started })
        await healer.settleBackgroundActions()
        #expect(await healer.auditRecords(since: nil, limit: 50).contains { $0.rule == Rule.channelRestart && $0.outcome == .executed })
        // The gateway's own timestamps follow the same shift: a disconnect written "now" on the
        // jumped wall clock is now in policy time too.
        let snap = await healer.snapshot()
        #expect(snap.generatedAt == Int(at(660).timeIntervalSince1970))
    }

    /// Issue 12, point 5: a restart that takes minutes runs in the background; ticks go on.
    @Test func aLongRestartNeverStallsTheNextTicks() async throws {
        let box = HealerSandbox(#function) { eagerRestarts(&$0); $0.gateway.downTicks = 1; $0.gateway.downWindowSec = 0 }
        defer { box.cleanup() }
        let control = SlowRestartControl()
        let clock = TestClock()
        let healer = Healer(config: box.config, control: control, clock: clock, version: "t", pid: 1)
        _ = await healer.load()
        var wedged = GatewayObservation(reachable: false, live: false, detail: "wedged")
        wedged.rpcOk = false; wedged.serviceState = .active; wedged.pid = 7
        var live = GatewayObservation(reachable: true, live: true, ready: true, detail: "live")
        live.rpcOk = true; live.pid = 7
        _ = await healer.tick(observe(at: t0, gateway: live, whatsapp: .value(.connected)))
        clock.advance(60)
        let first = await healer.tick(observe(at: clock.now(), gateway: wedged, whatsapp: .value(.unreachable)))
        #expect(first.decisions.map(\.outcome.rawValue) == ["started"])
        // The restart is still running; more ticks complete, and none starts a second restart.
        for _ in 0..<3 {
            clock.advance(60)
            let next = await healer.tick(observe(at: clock.now(), gateway: wedged, whatsapp: .value(.unreachable)))
            #expect(!next.decisions.contains { $0.decision.isRunnable && $0.decision.action != nil })
        }
        #expect(control.restarts == 1)
        #expect(await healer.currentState.inFlight.map(\.kind) == ["restart_gateway"], "in flight until it returns")
        control.release()
        await healer.settleBackgroundActions()
        let state = await healer.currentState
        #expect(state.inFlight.isEmpty)
        #expect(state.disruptive.verifications.first?.commandOutcome == .underWay)
        let audit = await healer.auditRecords(since: nil, limit: 50)
        #expect(audit.last?.outcome == .underWay)
        // The gateway comes back as a new process: verified.
        var back = live
        back.pid = 8
        clock.advance(60)
        let verified = await healer.tick(observe(at: clock.now(), gateway: back, whatsapp: .value(.connected)))
        #expect(verified.decisions.contains { $0.decision.rule == Rule.actionVerified })
        let snap = await healer.snapshot()
        #expect(snap.disruptive?.verified == ["gateway-restart": 1])
    }

    /// Issue 12, point 9: the same refusal, tick after tick, is written to the audit log once.
    @Test func aRefusedRestartIsAuditedOncePerCondition() async throws {
        let box = HealerSandbox(#function, eagerRestarts); defer { box.cleanup() }
        let healer = Healer(config: box.config, control: RecordingControl(stateFile: box.stateFile), clock: TestClock(),
                            version: "t", pid: 1)
        _ = await healer.load()
        for i in 0..<5 {
            _ = await healer.tick(observe(at: at(Double(i) * 60), whatsapp: .value(.down), config: .invalid("bad")))
        }
        let refused = await healer.auditRecords(since: nil, limit: 100).filter { $0.outcome == .refused }
        #expect(refused.count == 1 && refused[0].detail == "config invalid: bad")
    }
}
