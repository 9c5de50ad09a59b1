import Foundation
import Testing
@testable import HealCore
import TestSupport

/// The incident tracker on plain values: one firing, reminders on the interval, one resolution,
/// nothing twice (also after the state went through a save and a load), folding under the gateway,
/// and maintenance holding every message but its own.
struct IncidentTrackerTests {
    /// A tick as the healer runs it: the policy, then the tracker on its decisions.
    func tick(_ s: inout HealState, _ o: Observation, config: HealConfig) -> [IncidentTransition] {
        let r = Policy.evaluate(state: s, observation: o, now: o.at, config: config)
        s = r.state
        return IncidentTracker.track(&s, observation: o, decisions: r.decisions, now: o.at, config: config)
    }

    func notices(_ s: HealState) -> [String] { s.incidents.outgoing.map { "\($0.event.rawValue)" } }

    let config = makeConfig { $0.notify.repeatIntervalSec = 600 }

    @Test func aLoggedOutLinkFiresOnceRemindsOnTheIntervalAndResolvesOnce() throws {
        var s = HealState()
        let out = observe(at: at(0), whatsapp: .value(.loggedOut))
        let first = tick(&s, out, config: config)
        #expect(first.map(\.change) == [.opened])
        let incident = try #require(s.incidents.open.first)
        #expect(incident.rule == Rule.whatsappAlert && incident.severity == .critical)
        #expect(notices(s) == ["opened"])
        #expect(s.incidents.outgoing[0].id == "\(incident.id)/opened")
        // The audit's incident id is the decision's.
        let decided = Policy.evaluate(state: HealState(), observation: out, now: at(0), config: config).decisions
        #expect(decided.first?.incident == incident.id)

        for minute in 1...9 { _ = tick(&s, observe(at: at(Double(minute) * 60), whatsapp: .value(.loggedOut)), config: config) }
        #expect(notices(s) == ["opened"])
        _ = tick(&s, observe(at: at(600), whatsapp: .value(.loggedOut)), config: config)
        #expect(notices(s) == ["opened", "reminder"])
        #expect(s.incidents.outgoing.last?.id == "\(incident.id)/reminder-1")
        _ = tick(&s, observe(at: at(660), whatsapp: .value(.connected)), config: config)
        #expect(notices(s) == ["opened", "reminder", "resolved"])
        #expect(s.incidents.open.isEmpty)
        #expect(s.incidents.outgoing.last?.resolvedAt == at(660))
        _ = tick(&s, observe(at: at(1300), whatsapp: .value(.connected)), config: config)
        #expect(notices(s) == ["opened", "reminder", "resolved"])
    }

    @Test func aStateSavedAndLoadedAgainSendsNothingTwice() throws {
        var s = HealState()
        _ = tick(&s, observe(at: at(0), whatsapp: .value(.loggedOut)), config: config)
        s.incidents.outgoing = []  // handed to the outbox
        let data = try StateStore.encoder().encode(s)
        var loaded = try StateStore.decoder().decode(HealState.self, from: data)
        #expect(loaded == s)
        _ = tick(&loaded, observe(at: at(60), whatsapp: .value(.loggedOut)), config: config)
        #expect(loaded.incidents.outgoing.isEmpty)
        #expect(loaded.incidents.open.count == 1)
    }

    @Test func noResolvedMessageWhenSendResolvedIsOff() {
        var s = HealState()
        let quietResolve = makeConfig { $0.notify.sendResolved = false }
        _ = tick(&s, observe(at: at(0), whatsapp: .value(.loggedOut)), config: quietResolve)
        let t = tick(&s, observe(at: at(60), whatsapp: .value(.connected)), config: quietResolve)
        #expect(t.map(\.change) == [.resolved])
        #expect(t.first?.quietReason == "notify.sendResolved is off")
        #expect(notices(s) == ["opened"])
    }

    @Test func anInvalidConfigThatRefusesAnActionIsOneIncidentUntilTheFileParses() {
        var s = HealState()
        let broken = PluginObservation(id: "p", name: "P", enabled: true, status: "error", error: "boom")
        for minute in 0..<3 {
            _ = tick(&s, observe(at: at(Double(minute) * 60), plugins: .value([broken]), config: .invalid("line 1: unexpected 'x'")),
                     config: config)
        }
        #expect(s.incidents.open.map(\.rule) == [Rule.configInvalid])
        #expect(notices(s) == ["opened"])
        _ = tick(&s, observe(at: at(180), plugins: .value([broken]), config: .valid), config: config)
        // The file parses again: resolved, and the disable now runs and opens its own incident.
        #expect(notices(s) == ["opened", "resolved", "opened"])
        #expect(s.incidents.open.map(\.rule) == [Rule.pluginDisable])
        #expect(s.incidents.open.first?.subject == "p")
        #expect(s.incidents.open.first?.title == "Plugin P (p) disabled: it fails to load")
    }

    @Test func aSpentRestartBudgetIsAnIncidentUntilThePauseEnds() {
        var s = HealState()
        s.restartBudget = RestartBudgetState(restarts: [at(-100), at(-50), at(-10)], lastRestartAt: at(-10))
        s.gateway.lastSeenLiveAt = at(-600)
        s.gateway.downStreak = 10
        s.gateway.downSince = at(-400)
        _ = tick(&s, observe(at: at(0), gateway: gatewayDown, whatsapp: .value(.unreachable)), config: config)
        #expect(s.incidents.open.map(\.rule) == [Rule.restartBudgetPaused])
        let pauseEnd = s.restartBudget.pausedUntil!
        _ = tick(&s, observe(at: pauseEnd.addingTimeInterval(1)), config: config)
        #expect(!s.incidents.open.contains { $0.rule == Rule.restartBudgetPaused })
        #expect(s.incidents.outgoing.filter { $0.rule == Rule.restartBudgetPaused }.map(\.event) == [.opened, .resolved])
    }

    @Test func everyModelCoolingIsAnIncidentUntilOneIsBack() {
        var s = HealState()
        for m in [modelA, modelB, modelC] {
            s.models[m] = ModelRecord(cooldown: ModelCooldown(since: at(0), until: at(600), reason: .rateLimit, source: "log", evidence: "429"))
        }
        _ = tick(&s, observe(at: at(0)), config: config)
        #expect(s.incidents.open.map(\.rule) == [Rule.modelsAllCooling])
        _ = tick(&s, observe(at: at(601)), config: config)
        #expect(s.incidents.open.isEmpty)
        #expect(notices(s) == ["opened", "resolved"])
    }

    @Test func whileTheGatewayIsDownDependentsFoldIntoItAndComeOutAfter() {
        var s = HealState()
        s.gateway.lastSeenLiveAt = at(-1000)
        // Down for long enough: the gateway incident opens.
        for i in 0...10 { _ = tick(&s, observe(at: at(Double(i) * 60), gateway: gatewayDown, whatsapp: .value(.unreachable)), config: config) }
        let gateway = s.incidents.open.first { $0.rule == Rule.gatewayDown }
        #expect(gateway != nil)
        #expect(gateway?.startedAt == at(600), "not before twice the restart threshold")
        // A cron alert raised while it is down folds into it: no message of its own.
        let d = Decision(incident: "inc-x-1", rule: Rule.cronAlert, trigger: "cron job J (j1) failed 3 runs", subject: "j1")
        s.crons["j1"] = CronTrack(name: "J")
        s.crons["j1"]?.reported = "failing"
        let t = IncidentTracker.track(&s, observation: observe(at: at(700), gateway: gatewayDown, whatsapp: .value(.unreachable),
                                                               cron: .value([CronJobObservation(id: "j1", name: "J", enabled: true)])),
                                      decisions: [d], now: at(700), config: config)
        #expect(t.map(\.change) == [.opened, .folded])
        #expect(s.incidents.open.first { $0.rule == Rule.cronAlert }?.foldedInto == gateway?.id)
        #expect(notices(s).filter { $0 == "opened" }.count == 1)
        // The gateway comes back: its resolution lists the folded one, which then fires by itself.
        let back = IncidentTracker.track(&s, observation: observe(at: at(760), cron: .value([CronJobObservation(id: "j1", name: "J", enabled: true)])),
                                         decisions: [], now: at(760), config: config)
        #expect(back.map(\.change) == [.resolved, .notified])
        let resolved = s.incidents.outgoing.first { $0.event == .resolved }
        #expect(resolved?.evidence.contains("also affected: Cron job J (j1) keeps failing") == true)
        #expect(s.incidents.outgoing.last?.incident == "inc-x-1")
    }

    @Test func maintenanceHoldsActionsAndMessagesAndReleasesThemAfter() {
        var s = HealState()
        s.maintenance = MaintenanceState(id: "inc-m-1", since: at(0), until: at(3600), reason: "upgrade")
        let c = makeConfig { $0.autoFix.whatsappDisconnectThreshold = 1; $0.openclaw.channelRestartGraceSec = 0 }
        let r = Policy.evaluate(state: s, observation: observe(at: at(0), whatsapp: .value(.down)), now: at(0), config: c)
        // The first step for a dropped link is a channel restart (issue 12); maintenance refuses it.
        #expect(r.decisions.contains { $0.rule == Rule.channelRestart && $0.refusal?.hasPrefix("maintenance: paused until") == true })
        #expect(!r.decisions.contains { $0.isRunnable })
        #expect(r.state.restartBudget.restarts.isEmpty)  // nothing counted against the budget

        // An incident opened during maintenance is recorded, not sent, and fires once it ends.
        _ = tick(&s, observe(at: at(60), whatsapp: .value(.loggedOut)), config: config)
        #expect(s.incidents.open.count == 1)
        #expect(s.incidents.outgoing.isEmpty)
        s.maintenance = nil
        let after = tick(&s, observe(at: at(120), whatsapp: .value(.loggedOut)), config: config)
        #expect(after.map(\.change) == [.notified])
        #expect(notices(s) == ["opened"])
    }

    @Test func aResolutionDuringMaintenanceWaitsForItsEnd() {
        var s = HealState()
        _ = tick(&s, observe(at: at(0), whatsapp: .value(.loggedOut)), config: config)
        s.maintenance = MaintenanceState(id: "inc-m-2", since: at(30), until: at(3600), reason: "")
        _ = tick(&s, observe(at: at(60), whatsapp: .value(.connected)), config: config)
        #expect(notices(s) == ["opened"])
        #expect(s.incidents.heldNotices.map(\.event) == [.resolved])
        s.maintenance = nil
        _ = tick(&s, observe(at: at(120), whatsapp: .value(.connected)), config: config)
        #expect(notices(s) == ["opened", "resolved"])
    }

    @Test func everyCatalogRuleHasATitleAndAnAdvice() {
        for (rule, kind) in IncidentCatalog.kinds {
            #expect(!kind.title.isEmpty && !kind.advice.isEmpty, "\(rule)")
            #expect(!kind.title.contains("\n"), "\(rule)")
        }
    }
}

/// The healer's pause and resume: persisted, audited, announced once each.
struct HealerMaintenanceTests {
    @Test func pauseAndResumeAreSavedAuditedAndAnnounced() async throws {
        let box = HealerSandbox(#function)
        defer { box.cleanup() }
        let clock = TestClock()
        let healer = Healer(config: box.config, control: RecordingControl(stateFile: box.stateFile, respond: RecordingControl.succeed),
                            clock: clock, version: "1", pid: 1)
        _ = await healer.load()
        let m = await healer.pause(seconds: 7200, reason: "upgrade")
        #expect(m.until == clock.now().addingTimeInterval(7200))
        #expect(await healer.maintenance?.id == m.id)
        let again = await healer.pause(seconds: 60, reason: "")
        #expect(again.id == m.id && again.reason == "upgrade")
        var state = await healer.currentState
        #expect(state.incidents.outgoing.map(\.event) == [.maintenanceStarted], "no sink: owed, and only once")
        let saved = StateStore(path: box.stateFile).load().state
        #expect(saved.maintenance?.id == m.id)
        let snapshot = await healer.snapshot()
        #expect(snapshot.maintenance?.reason == "upgrade")
        #expect(snapshot.maintenance?.until == Int(again.until.timeIntervalSince1970))
        #expect(await healer.resume() != nil)
        #expect(await healer.resume() == nil)
        state = await healer.currentState
        #expect(state.incidents.outgoing.map(\.event) == [.maintenanceStarted, .maintenanceEnded])
        #expect(state.maintenance == nil)
        let audit = await healer.auditRecords(since: nil, limit: 20).map(\.outcome.rawValue)
        #expect(audit.filter { $0.hasPrefix("maintenance-") } == ["maintenance-started", "maintenance-changed", "maintenance-ended"])
    }

    @Test func anExpiredPauseEndsAtTheNextTick() async {
        let box = HealerSandbox(#function)
        defer { box.cleanup() }
        let clock = TestClock()
        let healer = Healer(config: box.config, control: RecordingControl(stateFile: box.stateFile, respond: RecordingControl.succeed),
                            clock: clock, version: "1", pid: 1)
        _ = await healer.load()
        _ = await healer.pause(seconds: 60, reason: "")
        clock.set(clock.now().addingTimeInterval(61))
        _ = await healer.tick(observe(at: clock.now()))
        let state = await healer.currentState
        #expect(state.maintenance == nil)
        #expect(state.incidents.outgoing.last?.event == .maintenanceEnded)
        #expect(state.incidents.outgoing.last?.summary.contains("the pause expired") == true)
    }
}
