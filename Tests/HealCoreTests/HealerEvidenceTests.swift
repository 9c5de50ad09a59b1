import Foundation
import Testing
@testable import HealCore
import TestSupport

/// Issue 13, point 6 at the healer: the guard before the first observation, and what a tick
/// remembers of the config's files.
struct HealerEvidenceTests {
    @Test func theGuardIsClosedBeforeTheFirstObservation() async {
        let box = HealerSandbox(#function); defer { box.cleanup() }
        let healer = Healer(config: box.config, control: RecordingControl(stateFile: box.stateFile, respond: RecordingControl.succeed),
                            clock: TestClock(), version: "1", pid: 1)
        #expect(await healer.lastConfigFile == .invalid(ActionGuard.notObservedYet))
        #expect(ActionGuard.refusal(for: .repinSession(key: "s", from: modelA, to: modelB),
                                    configFile: .invalid(ActionGuard.notObservedYet))
                == "guard closed: \(ActionGuard.notObservedYet)")
        // A repin decided from an event before the first tick is refused, not run.
        let decision = Policy.ingest(state: HealState(), event: failure(modelA, .rateLimit),
                                     context: PolicyContext(knownPins: [pin("s", modelA)], configFile: .invalid(ActionGuard.notObservedYet)),
                                     now: t0, config: box.config).result.decisions.with(rule: Rule.sessionRepin)
        #expect(decision.count == 1 && decision[0].refusal?.hasPrefix("guard closed") == true)
        _ = await healer.tick(observe(at: t0))
        #expect(await healer.lastConfigFile == .valid)
    }

    @Test func aChangedConfigIsAuditedWithItsWriterOnce() async throws {
        let box = HealerSandbox(#function); defer { box.cleanup() }
        let healer = Healer(config: box.config, control: RecordingControl(stateFile: box.stateFile, respond: RecordingControl.succeed),
                            clock: TestClock(), version: "1", pid: 1)
        var first = observe(at: t0)
        first.openclawConfigFiles = ConfigFileSet(files: [box.config.configFile], digest: "a", topDigest: "a")
        _ = await healer.tick(first)
        var second = observe(at: at(60))
        second.openclawConfigFiles = ConfigFileSet(files: [box.config.configFile], digest: "b", topDigest: "b")
        _ = await healer.tick(second)
        var third = observe(at: at(120))
        third.openclawConfigFiles = second.openclawConfigFiles
        _ = await healer.tick(third)
        let changes = box.lines(box.auditFile).filter { $0.contains("\"rule\":\"config-changed\"") }
        #expect(changes.count == 1)
        #expect(changes.first?.contains(ConfigWriterAttribution.userOrOther) == true)
    }

    @Test func aBrokenIncludeIsRecordedOncePerChange() async {
        let box = HealerSandbox(#function); defer { box.cleanup() }
        let healer = Healer(config: box.config, control: RecordingControl(stateFile: box.stateFile, respond: RecordingControl.succeed),
                            clock: TestClock(), version: "1", pid: 1)
        let broken = ConfigFileObservation.invalid("$include /c/plugins.json5 (from /c/openclaw.json): no such file")
        for i in 0..<3 { _ = await healer.tick(observe(at: at(Double(i) * 60), config: broken)) }
        _ = await healer.tick(observe(at: at(180)))
        _ = await healer.tick(observe(at: at(240), config: broken))
        let records = box.lines(box.auditFile).filter { $0.contains("\"rule\":\"config-include-invalid\"") }
        #expect(records.count == 2, "once when it broke, once when it broke again")
        #expect(records.first?.contains("/c/plugins.json5") == true)
    }
}
