import Foundation
import Testing
@testable import HealCore

/// The alerts of the gateway, verification and flapping rules as incidents: each opens once with
/// its message, reminds only when a reminder helps, and resolves when the gateway's own evidence
/// says the condition is over. A suspended gateway holds disruptive actions like a pause.
struct IncidentJudgementTests {
    let config = makeConfig { $0.notify.repeatIntervalSec = 600 }

    func tick(_ s: inout HealState, _ o: Observation, config: HealConfig) -> [IncidentTransition] {
        let r = Policy.evaluate(state: s, observation: o, now: o.at, config: config)
        s = r.state
        return IncidentTracker.track(&s, observation: o, decisions: r.decisions, now: o.at, config: config)
    }

    func gateway(_ adjust: (inout GatewayObservation) -> Void) -> GatewayObservation {
        var g = GatewayObservation(reachable: false, live: false, detail: "connection refused")
        g.rpcOk = false
        adjust(&g)
        return g
    }

    func events(_ s: HealState) -> [String] { s.incidents.outgoing.map { "\($0.rule) \($0.event.rawValue)" } }

    @Test func aSuspendedGatewayHoldsDisruptiveActionsLikeAPause() {
        var suspended = gatewayLive
        suspended.suspended = true
        let hold = MaintenanceGate.hold(maintenance: nil, gateway: suspended, now: at(0))
        #expect(hold?.hasPrefix("maintenance: the gateway is suspended") == true)
        #expect(MaintenanceGate.hold(maintenance: nil, gateway: gatewayLive, now: at(0)) == nil)
        let context = PolicyContext(knownPins: [], configFile: .valid, hold: hold)
        #expect(ActionGuard.refusal(for: .restartGateway(reason: "x"), context: context) == hold)
        #expect(ActionGuard.refusal(for: .probeModel(model: "a/b"), context: context) == nil)
    }

    @Test func aGatewayStoppedByItsOwnerIsSaidOnceWithoutRemindersAndResolvesWhenItRuns() throws {
        var s = HealState()
        let stopped = gateway { $0.serviceState = .inactive }
        _ = tick(&s, observe(at: at(0), gateway: gatewayLive), config: config)
        _ = tick(&s, observe(at: at(60), gateway: stopped), config: config)
        let open = try #require(s.incidents.open.first)
        #expect(open.rule == Rule.gatewayStoppedByOwner && open.severity == .warning)
        #expect(events(s) == ["gateway-stopped-by-owner opened"])
        for minute in 2...40 { _ = tick(&s, observe(at: at(Double(minute) * 60), gateway: stopped), config: config) }
        #expect(events(s) == ["gateway-stopped-by-owner opened"], "a state its owner chose gets no reminders")
        #expect(!s.incidents.open.contains { $0.rule == Rule.gatewayDown }, "stopped on purpose is not an outage")
        var running = gatewayLive
        running.rpcOk = true
        _ = tick(&s, observe(at: at(2460), gateway: running), config: config)
        #expect(events(s) == ["gateway-stopped-by-owner opened", "gateway-stopped-by-owner resolved"])
    }

    @Test func aFailedUnitIsOneIncidentNotTwo() throws {
        var s = HealState()
        let failed = gateway { $0.serviceState = .failed; $0.lastExitStatus = 78 }  // no restart can fix it
        _ = tick(&s, observe(at: at(0), gateway: gatewayLive), config: config)
        for minute in 1...30 { _ = tick(&s, observe(at: at(Double(minute) * 60), gateway: failed), config: config) }
        #expect(s.incidents.open.map(\.rule) == [Rule.gatewayFailed], "\(s.incidents.open.map(\.rule))")
    }

    @Test func aGatewayWhoseRPCAnswersIsNotDownWhateverHealthzSays() {
        var s = HealState()
        var probeFault = GatewayObservation(reachable: false, live: false, detail: "healthz refused")
        probeFault.rpcOk = true
        probeFault.serviceState = .active
        _ = tick(&s, observe(at: at(0), gateway: gatewayLive), config: config)
        for minute in 1...20 { _ = tick(&s, observe(at: at(Double(minute) * 60), gateway: probeFault), config: config) }
        #expect(!s.incidents.open.contains { $0.rule == Rule.gatewayDown })
    }

    @Test func aRepairThatDidNotHelpIsAnIncidentOfItsTargetResolvedWhenTheTargetIsHealthy() throws {
        var s = HealState()
        let didNotHelp = Decision(incident: "inc-1", rule: Rule.actionDidNotHelp,
                                  trigger: "gateway-restart of gateway did-not-help: no new pid; what to do: read the gateway's log",
                                  subject: "gateway-restart gateway")
        let down = gateway { $0.serviceState = .active }
        _ = IncidentTracker.track(&s, observation: observe(at: at(0), gateway: down), decisions: [didNotHelp],
                                  now: at(0), config: config)
        let open = try #require(s.incidents.open.first { $0.rule == Rule.actionDidNotHelp })
        #expect(open.id == "inc-1" && open.severity == .critical && open.title.contains("gateway-restart gateway"))
        _ = IncidentTracker.track(&s, observation: observe(at: at(60), gateway: down), decisions: [], now: at(60), config: config)
        #expect(s.incidents.open.contains { $0.rule == Rule.actionDidNotHelp }, "still down: still open")
        var up = gatewayLive
        up.rpcOk = true
        _ = IncidentTracker.track(&s, observation: observe(at: at(120), gateway: up), decisions: [], now: at(120), config: config)
        #expect(!s.incidents.open.contains { $0.rule == Rule.actionDidNotHelp })
        #expect(events(s).last == "action-did-not-help resolved")
    }

    @Test func safeModeIsAnIncidentUntilTheBreakerLetsGo() throws {
        var s = HealState()
        var safe = gatewayLive
        safe.rpcOk = true
        safe.safeMode = true
        let alert = Decision(incident: "inc-2", rule: Rule.gatewaySafeMode, trigger: "safe mode")
        _ = IncidentTracker.track(&s, observation: observe(at: at(0), gateway: safe), decisions: [alert], now: at(0), config: config)
        #expect(s.incidents.open.first?.rule == Rule.gatewaySafeMode)
        _ = IncidentTracker.track(&s, observation: observe(at: at(60), gateway: safe), decisions: [], now: at(60), config: config)
        #expect(s.incidents.open.count == 1)
        var healthy = safe
        healthy.safeMode = false
        _ = IncidentTracker.track(&s, observation: observe(at: at(120), gateway: healthy), decisions: [], now: at(120), config: config)
        #expect(s.incidents.open.isEmpty)
    }

    @Test func everyNewAlertRuleHasAnIncidentKind() {
        for rule in [Rule.gatewayStoppedByOwner, Rule.gatewayFailed, Rule.gatewaySafeMode, Rule.actionDidNotHelp,
                     Rule.whatsappFlapping, Rule.gatewayFlapping, Rule.pluginProtected, Rule.configIncludeInvalid] {
            #expect(IncidentCatalog.kinds[rule] != nil, "\(rule)")
        }
    }
}
