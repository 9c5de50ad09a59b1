import Foundation
import Testing
@testable import HealCore
import TestSupport

struct HealerTests {
    func makeHealer(_ box: HealerSandbox, clock: TestClock = TestClock(),
                    respond: @escaping @Sendable (HealAction) -> ActionOutcome = RecordingControl.succeed) -> (Healer, RecordingControl) {
        let control = RecordingControl(stateFile: box.stateFile, respond: respond)
        return (Healer(config: box.config, control: control, clock: clock, version: "1.2.3", pid: 4242), control)
    }

    @Test func theStateIsSavedBeforeTheGatewayIsRestarted() async throws {
        let box = HealerSandbox(#function, eagerRestarts); defer { box.cleanup() }
        // A gateway without channel lifecycle RPCs: the ladder's first step is the gateway itself.
        var seeded = HealState()
        seeded.disruptive.ladder.channelLifecycleUnsupported = true
        try StateStore(path: box.stateFile).save(seeded)
        let clock = TestClock()
        let (healer, control) = makeHealer(box, clock: clock)
        _ = await healer.load()
        let report = await healer.tick(observe(at: t0, whatsapp: .value(.down)))
        // Issue 12: the restart runs in the background; its outcome is recorded when it returns.
        #expect(report.decisions.map(\.outcome.rawValue) == ["started"])
        await healer.settleBackgroundActions()
        #expect(await healer.auditRecords(since: nil, limit: 20).map(\.outcome.rawValue).suffix(2) == ["started", "executed"])
        let call = try #require(control.calls.first)
        guard case .restartGateway = call.action else { Issue.record("expected a restart, got \(call.action)"); return }
        let saved = try #require(call.savedState, "the state file existed when the restart began")
        #expect(saved.restartBudget.restarts == [t0], "the restart was already counted in the saved state")
        #expect(saved.inFlight.map(\.kind) == ["restart_gateway"])
        #expect(saved.whatsapp.lastRestartAt == t0)
        // Afterwards nothing is in flight any more.
        let final = try StateStore.decoder().decode(HealState.self, from: Data(contentsOf: URL(fileURLWithPath: box.stateFile)))
        #expect(final.inFlight.isEmpty)
        #expect(fileMode(box.stateFile) == 0o600)
    }

    @Test func dryRunPlansEverythingAndExecutesNothing() async throws {
        let box = HealerSandbox(#function) { eagerRestarts(&$0); $0.dryRun = true; $0.autoFix.cronFailThreshold = 1 }
        defer { box.cleanup() }
        let (healer, control) = makeHealer(box)
        _ = await healer.load()
        let job = CronJobObservation(id: "j1", name: "Nightly", enabled: true, lastRunAtMs: 1, lastRunStatus: "error",
                                     lastError: "tool schema rejected", consecutiveErrors: 1)
        let report = await healer.tick(observe(at: t0, whatsapp: .value(.down), cron: .value([job])))
        #expect(control.actions.isEmpty, "dry run executes nothing")
        // Issue 12: the first step for WhatsApp is a channel restart, and dry run spends only its own budget.
        #expect(Set(control.plannedActions.map(\.kind)) == ["restart_channel", "disable_cron"])
        #expect(report.decisions.allSatisfy { $0.outcome == .planned && $0.dryRun })
        #expect(report.decisions.first { $0.decision.rule == Rule.cronDisable }?.plan == ActionPlan(argv: [["openclaw", "cron", "disable", "j1"]]))
        let state = await healer.currentState
        #expect(state.disruptive.dryRunBudget.restarts == [t0], "the state still advances")
        #expect(state.restartBudget.restarts.isEmpty, "dry run never spends the real restart budget")
        #expect(state.crons["j1"]?.disabledByUs == true)
        #expect(state.pendingBackups.isEmpty, "no backup: nothing was changed")
        // Besides the two plans, the incident the planned disable opened (dry run: it says so).
        let all = await healer.auditRecords(since: nil, limit: 20).filter { $0.rule != "healer-lifecycle" }
        #expect(all.filter { $0.outcome == .incidentOpened }.map(\.rule) == [Rule.cronDisable])
        let audit = all.filter { !$0.outcome.rawValue.hasPrefix("incident-") }
        #expect(audit.count == 2 && audit.allSatisfy { $0.dryRun && $0.outcome == .planned && $0.action?.plan != nil })
        let metrics = box.metrics()
        #expect(metrics.map { $0["event"] as? String } == ["cron-disabled", "channel-restart"])
        #expect(metrics.allSatisfy { $0["dryRun"] as? Bool == true && $0["plugin"] as? String == "self-heal" })
        let snapshot = await healer.snapshot()
        #expect(snapshot.counters.healActions.contains(.init(action: "restart_channel", result: "planned", dryRun: true, count: 1)))
        #expect(snapshot.counters.gatewayRestarts == 0)
    }

    @Test func everyDecisionIsAuditedAndHealEventsReachTheMetricsFile() async throws {
        let box = HealerSandbox(#function) { $0.autoFix.cronFailThreshold = 1 }
        defer { box.cleanup() }
        let clock = TestClock()
        let (healer, control) = makeHealer(box, clock: clock)
        _ = await healer.load()
        _ = await healer.tick(observe(at: t0, sessions: .value([pin("agent:main:main", modelA)])))
        let ingest = await healer.ingest(failure(modelA, .rateLimit, at: t0, retryAfter: 600))
        #expect(ingest.accepted)
        #expect(ingest.decisions.map(\.decision.rule) == [Rule.modelCooldown, Rule.sessionRepin])
        #expect(control.actions == [.repinSession(key: "agent:main:main", from: modelA, to: modelB)])
        clock.set(at(300))
        let plugin = PluginObservation(id: "broken", name: "Broken", enabled: true, status: "error", error: "boom")
        let job = CronJobObservation(id: "j1", name: "Nightly", enabled: true, lastRunAtMs: 5, lastRunStatus: "error",
                                     lastError: "bad", consecutiveErrors: 1)
        _ = await healer.tick(observe(at: at(300), cron: .value([job]), plugins: .value([plugin]),
                                      sessions: .value([pin("agent:main:main", modelB)])))
        // The probe at 300 s passed: A recovered.
        #expect(control.actions.map(\.kind) == ["repin_session", "disable_cron", "disable_plugin", "probe_model"])
        let events = box.metrics().map { $0["event"] as? String ?? "?" }
        #expect(events == ["model-cooldown", "session-patched", "cron-disabled", "plugin-disabled", "model-recovered"])
        let recovered = box.metrics().last!
        #expect(recovered["model"] as? String == modelA.description && recovered["isPreferred"] as? Bool == true)
        #expect(box.metrics().allSatisfy { $0["dryRun"] == nil && $0["ts"] is String })
        let records = await healer.auditRecords(since: nil, limit: 100)
        // The disables opened one incident each, audited with their decisions' ids.
        let opened = records.filter { $0.outcome == .incidentOpened }
        #expect(opened.map(\.rule) == [Rule.cronDisable, Rule.pluginDisable])
        #expect(opened.map(\.incident) == records.filter { [Rule.cronDisable, Rule.pluginDisable].contains($0.rule) && $0.action != nil }.map(\.incident))
        let audit = records.filter { !$0.outcome.rawValue.hasPrefix("incident-") }
        #expect(audit.map(\.rule) == ["healer-lifecycle", Rule.modelCooldown, Rule.sessionRepin, Rule.cronDisable,
                                      Rule.pluginDisable, Rule.modelProbe, Rule.modelRecovered])
        #expect(audit.first { $0.rule == Rule.cronDisable }?.outcome == .executed)
        #expect(fileMode(box.auditFile) == 0o600)
        #expect(await healer.auditRecords(since: at(1), limit: 100).count == 6)
    }

    @Test func aFailedActionIsAuditedAsFailedAndUndoneInTheState() async throws {
        let box = HealerSandbox(#function) { $0.autoFix.cronFailThreshold = 1 }
        defer { box.cleanup() }
        let (healer, _) = makeHealer(box) { _ in ActionOutcome(ok: false, detail: "unknown cron job id: j1") }
        let job = CronJobObservation(id: "j1", name: "Nightly", enabled: true, lastRunAtMs: 5, lastRunStatus: "error",
                                     lastError: "bad", consecutiveErrors: 1)
        let report = await healer.tick(observe(at: t0, cron: .value([job])))
        #expect(report.decisions.map(\.outcome.rawValue) == ["failed"])
        #expect(await healer.currentState.crons["j1"]?.disabledByUs == false)
        #expect(box.metrics().isEmpty, "no heal event for an action that failed")
        let snap = await healer.snapshot()
        #expect(snap.counters.healActions == [.init(action: "disable_cron", result: "failed", dryRun: false, count: 1)])
    }

    @Test func aCorruptStateFileIsMovedAsideAndTheHealerStartsClean() async throws {
        let box = HealerSandbox(); defer { box.cleanup() }
        try FileManager.default.createDirectory(atPath: box.dir + "/state", withIntermediateDirectories: true)
        try Data("{ garbage".utf8).write(to: URL(fileURLWithPath: box.stateFile))
        let (healer, _) = makeHealer(box)
        let notes = await healer.load()
        #expect(notes.contains { $0.contains("does not parse") })
        #expect(notes.contains { $0.contains("moved it aside") })
        let files = try FileManager.default.contentsOfDirectory(atPath: box.dir + "/state")
        #expect(files.contains { $0.hasPrefix("self-heal-state.json.corrupt-") })
        #expect(files.contains("self-heal-state.json"), "a fresh state was saved")
        #expect(await healer.currentState == HealState())
    }

    @Test func actionsInterruptedByACrashAreAuditedAtTheNextStart() async throws {
        let box = HealerSandbox(); defer { box.cleanup() }
        var s = HealState()
        s.inFlight = [InFlightAction(incident: "inc-9", rule: Rule.whatsappRestart, kind: "restart_gateway",
                                     summary: "restart the gateway (x)", dryRun: false, startedAt: t0)]
        try StateStore(path: box.stateFile).save(s)
        let (healer, _) = makeHealer(box)
        let notes = await healer.load()
        #expect(notes.contains { $0.contains("interrupted") })
        let audit = await healer.auditRecords(since: nil, limit: 10)
        #expect(audit.first?.outcome == .interrupted && audit.first?.incident == "inc-9")
        #expect(await healer.currentState.inFlight.isEmpty)
    }

    @Test func withoutASavedStateNothingDisruptiveRuns() async throws {
        let box = HealerSandbox(#function) { eagerRestarts(&$0) }
        defer { box.cleanup() }
        var config = box.config
        try Data("x".utf8).write(to: URL(fileURLWithPath: box.dir + "/blocker"))
        config.stateFile = box.dir + "/blocker/state.json"   // a path under a regular file: cannot be written
        let control = RecordingControl(stateFile: config.stateFile)
        let healer = Healer(config: config, control: control, clock: TestClock(), version: "t", pid: 1)
        _ = await healer.load()
        let report = await healer.tick(observe(at: t0, whatsapp: .value(.down)))
        #expect(control.actions.isEmpty)
        #expect(report.decisions.map(\.outcome.rawValue) == ["refused"])
        #expect(report.decisions[0].detail.hasPrefix("the state could not be saved first"))
        #expect(!report.persisted)
        #expect(report.faults["state-file"] != nil)
        let health = await healer.healthDetail
        #expect(!health.ok && health.stateSaveError != nil)
    }

    @Test func fileWriteFailuresBecomeFaultsNotCrashes() async throws {
        let box = HealerSandbox(); defer { box.cleanup() }
        var config = box.config
        try Data("x".utf8).write(to: URL(fileURLWithPath: box.dir + "/blocker"))
        config.statusFile = box.dir + "/blocker/status.json"
        config.metricsFile = box.dir + "/blocker/metrics.jsonl"
        let healer = Healer(config: config, control: RecordingControl(stateFile: config.stateFile), clock: TestClock(),
                            version: "t", pid: 1)
        _ = await healer.load()
        _ = await healer.ingest(failure(modelA, .rateLimit))
        let report = await healer.tick(observe(at: t0))
        #expect(report.faults["status-file"]?.contains("blocker") == true)
        #expect(report.faults["metrics-file"] != nil)
        #expect(report.health == .degraded)
    }

    @Test func observationFaultsAndAnInvalidConfigShowInTheSnapshot() async {
        let box = HealerSandbox(); defer { box.cleanup() }
        let (healer, _) = makeHealer(box)
        let report = await healer.tick(observe(at: t0, cron: .unavailable("cron list: gateway closed (1006)"),
                                               config: .invalid("JSON5: invalid character '}' at 4:1")))
        #expect(report.faults["cron"] == "cron list: gateway closed (1006)")
        #expect(report.faults["openclaw-config"] == "invalid: JSON5: invalid character '}' at 4:1")
        #expect(report.health == .degraded)
    }

    @Test func aBackupIsTakenBeforeARestartAndRemovedOnceTheGatewayIsHealthy() async throws {
        let box = HealerSandbox(#function) { eagerRestarts(&$0) }
        defer { box.cleanup() }
        try Data("{ gateway: { mode: 'local' }, // json5\n}".utf8).write(to: URL(fileURLWithPath: box.config.configFile))
        let clock = TestClock()
        let (healer, _) = makeHealer(box, clock: clock)
        _ = await healer.tick(observe(at: t0, whatsapp: .value(.down)))
        let backups = try FileManager.default.contentsOfDirectory(atPath: box.dir + "/backups")
        #expect(backups.count == 1)
        #expect(fileMode(box.dir + "/backups/" + backups[0]) == 0o600)
        #expect(await healer.currentState.pendingBackups.count == 1)
        clock.set(at(60))
        _ = await healer.tick(observe(at: at(60)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.dir + "/backups").isEmpty)
        #expect(await healer.currentState.pendingBackups.isEmpty)
    }

    @Test func statusFileIsWrittenEveryTickWithTheSeedFields() async throws {
        let box = HealerSandbox(); defer { box.cleanup() }
        let clock = TestClock()
        let (healer, _) = makeHealer(box, clock: clock)
        for i in 0..<3 {
            clock.set(at(Double(i) * 60))
            _ = await healer.tick(observe(at: at(Double(i) * 60)))
            let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: box.config.statusFile))) as? [String: Any])
            #expect(json["generatedAt"] as? Int == Int(at(Double(i) * 60).timeIntervalSince1970))
            for key in ["health", "activeModel", "models", "whatsapp", "cron", "config", "generatedAt"] {
                #expect(json[key] != nil, "seed field \(key)")
            }
        }
        #expect(fileMode(box.config.statusFile) == 0o600)
        let snap = await healer.snapshot()
        #expect(snap.counters.ticks == 3)
        #expect(snap.version == "1.2.3" && snap.pid == 4242)
    }

    @Test func probeRunsWithinTheBudgetAndExplainsRefusals() async {
        let box = HealerSandbox(#function) { $0.probe.budgetPerHour = 1 }
        defer { box.cleanup() }
        let (healer, control) = makeHealer(box)
        _ = await healer.ingest(failure(modelA, .rateLimit, retryAfter: 3000))
        _ = await healer.ingest(failure(modelB, .rateLimit, retryAfter: 3000))
        let results = await healer.probe(model: nil)
        #expect(results.map(\.model) == [modelA, modelB])
        #expect(results[0].ok && !results[1].ok)
        #expect(results[1].detail.hasPrefix("refused: probe budget spent"))
        #expect(control.actions == [.probeModel(model: modelA)])
        #expect(await healer.currentState.models[modelA]?.cooldown == nil, "a passing probe lifts the cooldown")
        #expect(await healer.snapshot().probes.remaining == 0)
    }

    @Test func probeInDryRunSaysWhatItWouldRun() async {
        let box = HealerSandbox(#function) { $0.dryRun = true }
        defer { box.cleanup() }
        let (healer, control) = makeHealer(box)
        let results = await healer.probe(model: modelC)
        #expect(control.actions.isEmpty)
        #expect(results.count == 1 && results[0].detail.contains("infer model run"))
    }

    @Test func reloadReturnsTheChangedKeys() async {
        let box = HealerSandbox(); defer { box.cleanup() }
        let (healer, _) = makeHealer(box)
        var next = box.config
        next.autoFix.cronFailThreshold = 7
        next.modelOrder = [modelB]
        next.dryRun = true
        #expect(await healer.reload(next) == ["autoFix.cronFailThreshold", "dryRun", "modelOrder"])
        #expect(await healer.config.dryRun)
        #expect(await healer.reload(next).isEmpty)
        #expect(await healer.auditRecords(since: nil, limit: 5).last?.outcome == .reloaded)
    }

    @Test func healthFollowsTheTicks() async {
        let box = HealerSandbox(); defer { box.cleanup() }
        let clock = TestClock()
        let (healer, _) = makeHealer(box, clock: clock)
        #expect(await healer.ping())
        #expect(await healer.healthDetail.ok, "still starting up")
        clock.set(at(121))
        let late = await healer.healthDetail
        #expect(!late.ok && late.reasons.first?.hasPrefix("no tick since the start") == true)
        _ = await healer.tick(observe(at: at(121)))
        #expect(await healer.healthDetail.ok)
        #expect(await healer.lastTickAt == at(121))
    }

    @Test func shutdownIsAudited() async {
        let box = HealerSandbox(); defer { box.cleanup() }
        let (healer, _) = makeHealer(box)
        _ = await healer.load()
        await healer.recordShutdown(reason: "SIGTERM")
        let last = await healer.auditRecords(since: nil, limit: 1)
        #expect(last.first?.outcome == .stopped && last.first?.evidence == ["SIGTERM"])
    }

    @Test func anUnattributableEventIsNotAccepted() async {
        let box = HealerSandbox(); defer { box.cleanup() }
        let (healer, _) = makeHealer(box)
        let r = await healer.ingest(failure(modelA, .contextOverflow, text: "prompt is too long"))
        #expect(!r.accepted && r.verdict.effect == .notAModelFailure && r.decisions.isEmpty)
    }

    @Test func aForgottenLoadNeverOverwritesTheSavedState() async throws {
        let box = HealerSandbox(); defer { box.cleanup() }
        var saved = HealState()
        saved.incidentCounter = 500
        saved.restartBudget = RestartBudgetState(restarts: [t0], lastRestartAt: t0)
        try StateStore(path: box.stateFile).save(saved)
        let (healer, _) = makeHealer(box)
        _ = await healer.tick(observe(at: at(10)))
        let state = await healer.currentState
        #expect(state.incidentCounter >= 500 && state.restartBudget.restarts == [t0])
    }

    @Test func concurrentEventsAndTicksLoseNoUpdate() async throws {
        let box = HealerSandbox(); defer { box.cleanup() }
        let clock = TestClock()
        let control = RecordingControl(stateFile: box.stateFile) { action in
            usleep(2000) // slow actions: the actor interleaves other calls while one runs
            return RecordingControl.succeed(action)
        }
        let config = makeConfig {
            $0.stateFile = box.config.stateFile; $0.statusFile = box.config.statusFile; $0.metricsFile = box.config.metricsFile
            $0.configFile = box.config.configFile; $0.configBackupsDir = box.config.configBackupsDir
            $0.modelOrder = (0..<30).map { ModelID(provider: "p", model: "m\($0)") }
        }
        let healer = Healer(config: config, control: control, clock: clock, version: "t", pid: 1)
        _ = await healer.load()
        let sessions = (0..<30).map { pin("s\($0)", ModelID(provider: "p", model: "m\($0)")) }
        _ = await healer.tick(observe(at: t0, sessions: .value(sessions)))
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<29 {
                group.addTask { _ = await healer.ingest(failure(ModelID(provider: "p", model: "m\(i)"), .rateLimit, retryAfter: 3600)) }
            }
            for _ in 0..<5 {
                group.addTask { _ = await healer.tick(observe(at: t0, sessions: .value(sessions))) }
            }
        }
        _ = await healer.tick(observe(at: t0, sessions: .value(sessions)))
        let state = await healer.currentState
        #expect(state.models.values.filter { $0.isCooling(at: t0) }.count == 29)
        #expect(state.inFlight.isEmpty)
        #expect(state.pins.count == 29)
        let cooldowns = await healer.auditRecords(since: nil, limit: 1000).filter { $0.rule == Rule.modelCooldown }
        #expect(cooldowns.count == 29)
        #expect(Set(state.pins.values.map(\.repinnedTo)) == ["p/m29"])
    }
}
