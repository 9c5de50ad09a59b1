import Foundation
import Testing
@testable import HealCore

/// Issue 12, points 3 and 6: smallest scope first, every step verified, what did not help is
/// escalated, and the end of the ladder is a human told what to do.
struct PolicyLadderTests {
    let eager = makeConfig {
        $0.autoFix.whatsappDisconnectThreshold = 1; $0.openclaw.channelRestartGraceSec = 0
        $0.autoFix.whatsappMinRestartIntervalSec = 60; $0.gateway.channelRestartVerifySec = 120
        $0.gateway.verifyWindowSec = 300
    }

    func gateway(pid: Int, ready: Bool = true) -> GatewayObservation {
        var g = GatewayObservation(reachable: true, live: true, ready: ready, detail: "test")
        g.rpcOk = true; g.pid = pid; g.serviceState = .active
        return g
    }

    func tick(_ s: HealState, at seconds: Double, _ w: WhatsAppObservation, pid: Int = 100,
              config: HealConfig? = nil) -> (HealState, [Decision]) {
        evaluate(s, observe(at: at(seconds), gateway: gateway(pid: pid), whatsapp: .value(w)), config: config ?? eager)
    }

    func actions(_ d: [Decision]) -> [HealAction] { d.filter(\.isRunnable).compactMap(\.action) }

    @Test func aChannelRestartComesFirstAndIsVerifiedWhenTheLinkComesBack() {
        var (s, d) = tick(HealState(), at: 0, .down)
        #expect(actions(d) == [.restartChannel(channel: "whatsapp", accountId: "default", stopFirst: true,
                                               reason: "WhatsApp disconnected for 0 s")])
        #expect(d.first?.rule == Rule.channelRestart)
        #expect(s.restartBudget.restarts == [t0], "the channel restart shares the restart budget")
        #expect(s.disruptive.verifications.map(\.kind) == [.channelRestart])
        (s, d) = tick(s, at: 60, .down)
        #expect(d.isEmpty, "waiting for the verification window")
        (s, d) = tick(s, at: 120, .connected)
        let verdict = d.with(rule: Rule.actionVerified)
        #expect(verdict.count == 1 && verdict[0].trigger.hasPrefix("channel-restart of whatsapp:default verified"))
        #expect(verdict[0].metric?.event == "action-verified")
        #expect(s.disruptive.tally == ["channel-restart verified": 1])
        #expect(s.disruptive.verifications.isEmpty)
    }

    @Test func aChannelRestartThatDidNotHelpEscalatesToAGatewayRestartThenToAHuman() {
        var (s, _) = tick(HealState(), at: 0, .down)
        var (next, d) = tick(s, at: 120, .down)
        s = next
        #expect(d.with(rule: Rule.actionDidNotHelp).count == 1)
        #expect(actions(d).map(\.kind) == ["restart_gateway"])
        #expect(d.with(rule: Rule.whatsappRestart).first?.trigger.contains("the channel restart did not bring WhatsApp back") == true)
        #expect(s.restartBudget.restarts.count == 2)
        // The gateway restarts (new pid) but WhatsApp stays down past the window: did-not-help, an
        // alert that says what to do, and nothing more for this outage.
        (next, d) = tick(s, at: 180, .down, pid: 101)
        s = next
        #expect(d.isEmpty)
        (next, d) = tick(s, at: 420, .down, pid: 101)
        s = next
        let end = d.with(rule: Rule.actionDidNotHelp)
        #expect(end.count == 1 && end[0].trigger.contains("what to do:") && end[0].trigger.contains("openclaw channels login"))
        #expect(s.disruptive.ladder.step == .exhausted)
        for t in stride(from: 480.0, to: 4000, by: 60) {
            (s, d) = tick(s, at: t, .down, pid: 101)
            #expect(actions(d).isEmpty, "no restart repeated for the same outage (\(t) s)")
        }
        // The link comes back, then drops again: a new outage starts the ladder over.
        (s, _) = tick(s, at: 4020, .connected, pid: 101)
        (s, d) = tick(s, at: 4080, .down, pid: 101)
        #expect(actions(d).map(\.kind) == ["restart_channel"])
    }

    @Test func anUnsupportedChannelRestartGoesStraightToTheGateway() {
        let (s0, d0) = tick(HealState(), at: 0, .down)
        var unsupported = ActionOutcome(ok: false, detail: "channels.stop is not supported by this gateway")
        unsupported.unsupported = true
        let s1 = Policy.applyCommandOutcome(state: s0, decision: d0[0], outcome: unsupported, now: at(1))
        #expect(s1.restartBudget.restarts.isEmpty && s1.restartBudget.lastRestartAt == nil, "nothing restarted: the budget is whole")
        let (s2, d) = tick(s1, at: 60, .down)
        #expect(actions(d).map(\.kind) == ["restart_gateway"])
        #expect(s2.disruptive.ladder.channelLifecycleUnsupported)
        #expect(s2.disruptive.tally.isEmpty, "unsupported is not a verdict")
        // Remembered: the next outage goes to the gateway at once (until the gateway boots anew).
        var s = s2
        s.disruptive.verifications = []
        s.disruptive.ladder.step = .none
        let (_, again) = tick(s, at: 4000, .down, pid: 100)
        #expect(actions(again).map(\.kind) == ["restart_gateway"])
    }

    @Test func aGatewayRestartIsVerifiedByANewProcessAndAReadyAnswer() {
        var g = GatewayObservation(reachable: false, live: false, detail: "wedged")
        g.rpcOk = false; g.serviceState = .active; g.pid = 100
        var s = evaluate(HealState(), observe(at: at(-60), gateway: gateway(pid: 100))).0
        var d: [Decision] = []
        for i in 0...5 { (s, d) = evaluate(s, observe(at: at(Double(i) * 60), gateway: g)) }
        #expect(actions(d).map(\.kind) == ["restart_gateway"])
        #expect(s.disruptive.verifications.first?.pidBefore == 100)
        // Same pid, not ready: still pending; the old process answering proves nothing.
        (s, d) = evaluate(s, observe(at: at(360), gateway: g))
        #expect(d.isEmpty && s.disruptive.verifications.count == 1)
        (s, d) = evaluate(s, observe(at: at(420), gateway: gateway(pid: 100, ready: false)))
        #expect(d.with(rule: Rule.actionVerified).isEmpty)
        (s, d) = evaluate(s, observe(at: at(480), gateway: gateway(pid: 171)))
        let verified = d.with(rule: Rule.actionVerified)
        #expect(verified.count == 1 && verified[0].trigger.contains("new pid 171, ready"))
    }

    @Test func aGatewayRestartThatDidNotHelpIsNotRepeatedUntilTheGatewayIsUp() {
        var g = GatewayObservation(reachable: false, live: false, detail: "wedged")
        g.rpcOk = false; g.serviceState = .active; g.pid = 100
        var s = evaluate(HealState(), observe(at: at(-60), gateway: gateway(pid: 100))).0
        var restarts: [Double] = []
        var endAlerts: [Decision] = []
        for i in 0..<120 {
            let (next, d) = evaluate(s, observe(at: at(Double(i) * 60), gateway: g), config: makeConfig { $0.gateway.verifyWindowSec = 600 })
            s = next
            if actions(d).contains(where: { $0.kind == "restart_gateway" }) { restarts.append(Double(i) * 60) }
            endAlerts += d.with(rule: Rule.actionDidNotHelp)
        }
        #expect(restarts == [300])
        #expect(endAlerts.count == 1 && endAlerts[0].trigger.contains("journalctl"))
    }

    @Test func cronAndPluginDisablesAreVerified() {
        let job = CronJobObservation(id: "j1", name: "Nightly", enabled: true, lastRunAtMs: 5, lastRunStatus: "error",
                                     lastError: "bad", consecutiveErrors: 5)
        let config = makeConfig { $0.autoFix.cronFailThreshold = 1 }
        var (s, d) = evaluate(HealState(), observe(at: t0, cron: .value([job])), config: config)
        #expect(s.disruptive.verifications.map(\.kind) == [.cronDisable])
        var disabled = job
        disabled.enabled = false
        (s, d) = evaluate(s, observe(at: at(60), cron: .value([disabled])), config: config)
        #expect(d.with(rule: Rule.actionVerified).first?.trigger.contains("seen disabled") == true)

        let plugin = PluginObservation(id: "p1", name: "P", enabled: true, status: "error", error: "boom")
        (s, d) = evaluate(HealState(), observe(at: t0, plugins: .value([plugin])), config: config)
        let off = PluginObservation(id: "p1", name: "P", enabled: false, status: "error", error: "boom")
        (s, d) = evaluate(s, observe(at: at(60), plugins: .value([off])), config: config)
        #expect(d.isEmpty && s.disruptive.verifications.first?.awaitingNextStart == true, "pending the next gateway start")
        (s, d) = evaluate(s, observe(at: at(7200), plugins: .value([off])), config: config)
        #expect(d.isEmpty, "no deadline while it waits for the next start")
        // The gateway boots anew (pid seen changing): verified.
        (s, _) = evaluate(s, observe(at: at(7260), gateway: gateway(pid: 1), plugins: .value([off])), config: config)
        (s, d) = evaluate(s, observe(at: at(7320), gateway: gateway(pid: 2), plugins: .value([off])), config: config)
        #expect(d.with(rule: Rule.actionVerified).first?.trigger.contains("restarted since") == true)
    }

    @Test func aFailedDisableIsNotVerifiedAndARefusedRestartLeavesNoVerification() {
        let job = CronJobObservation(id: "j1", name: "Nightly", enabled: true, lastRunAtMs: 5, lastRunStatus: "error",
                                     lastError: "bad", consecutiveErrors: 5)
        let config = makeConfig { $0.autoFix.cronFailThreshold = 1 }
        let (s, d) = evaluate(HealState(), observe(at: t0, cron: .value([job])), config: config)
        let failed = Policy.applyCommandOutcome(state: s, decision: d.with(rule: Rule.cronDisable)[0],
                                                outcome: ActionOutcome(ok: false, detail: "boom"), now: at(1))
        #expect(failed.disruptive.verifications.isEmpty)
        let (r, rd) = tick(HealState(), at: 0, .down)
        let forgotten = Policy.forgetRefusedRestart(state: r, decision: rd[0])
        #expect(forgotten.disruptive.verifications.isEmpty)
    }
}
