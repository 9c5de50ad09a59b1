import Foundation
import Testing
@testable import HealCore

struct PolicySessionsTests {
    /// A state with A cooling for rate_limit from t0 (60 s).
    func cooledA(_ config: HealConfig = makeConfig()) -> HealState {
        ingest(HealState(), failure(modelA, .rateLimit, retryAfter: 3600), config: config).0
    }

    @Test func userPinsOnACooledModelAreRepinnedToTheFallback() throws {
        let sessions = [pin("agent:main:main", modelA), pin("agent:main:wa", modelA, source: nil),
                        pin("agent:main:other", modelB)]
        let (s, d) = evaluate(cooledA(), observe(at: at(10), sessions: .value(sessions)))
        let repins = d.with(rule: Rule.sessionRepin)
        #expect(repins.map(\.action) == [
            .repinSession(key: "agent:main:main", from: modelA, to: modelB),
            .repinSession(key: "agent:main:wa", from: modelA, to: modelB),
        ])
        // The source is remembered too (issue 13: restored exactly).
        #expect(s.pins["agent:main:main"] == RememberedPin(original: modelA, repinnedTo: modelB, at: at(10), lastAttemptAt: at(10),
                                                           originalSource: "user"))
        #expect(repins[0].metric == MetricEvent(event: "session-patched", fields: [
            "sessionKey": .string("agent:main:main"), "oldModel": .string(modelA.description), "newModel": .string(modelB.description)]))
    }

    @Test func autoPinsAreLeftToOpenClaw() {
        let (s, d) = evaluate(cooledA(), observe(at: at(10), sessions: .value([pin("s", modelA, source: "auto")])))
        #expect(d.with(rule: Rule.sessionRepin).isEmpty)
        #expect(s.pins.isEmpty)
    }

    @Test func noRepinsWhenPatchSessionPinsIsOff() {
        let config = makeConfig { $0.autoFix.patchSessionPins = false }
        let (s, d) = evaluate(cooledA(config), observe(at: at(10), sessions: .value([pin("s", modelA)])), config: config)
        #expect(d.with(rule: Rule.sessionRepin).isEmpty && s.pins.isEmpty)
    }

    /// Issue 13 changed this: the event's own session, seen with no pin, used to get one; a
    /// failure event never creates a pin now (it would be strict and turn off OpenClaw's failover).
    @Test func aFailureRepinsKnownSessionsAtOnceAndNeverCreatesAPin() {
        let (s, d, _) = ingest(HealState(), failure(modelA, .rateLimit, session: "agent:main:new"),
                               pins: [pin("agent:main:main", modelA), pin("agent:main:b", modelB)])
        #expect(d.rules() == [Rule.modelCooldown, Rule.sessionRepin])
        #expect(d.actions() == [
            .repinSession(key: "agent:main:main", from: modelA, to: modelB),
        ])
        #expect(Set(d.map(\.incident)).count == 1, "one incident for the failure and its repins")
        #expect(s.pins.count == 1 && s.pins["agent:main:new"] == nil)
    }

    @Test func aRepinIsNotRepeatedEveryTickButRetriedAfterAPause() {
        let sessions = Observed<[SessionPin]>.value([pin("s", modelA)])
        var (s, d) = evaluate(cooledA(), observe(at: at(10), sessions: sessions))
        #expect(d.with(rule: Rule.sessionRepin).count == 1)
        // The repin has not taken yet (the session still shows A): no new attempt within 600 s.
        (s, d) = evaluate(s, observe(at: at(70), sessions: sessions))
        #expect(d.with(rule: Rule.sessionRepin).isEmpty)
        (s, d) = evaluate(s, observe(at: at(609), sessions: sessions))
        #expect(d.with(rule: Rule.sessionRepin).isEmpty)
        (s, d) = evaluate(s, observe(at: at(610), sessions: sessions))
        #expect(d.with(rule: Rule.sessionRepin).count == 1)
        #expect(s.pins["s"]?.original == modelA)
    }

    @Test func aSessionOnACooledFallbackMovesOnAndKeepsItsOriginal() {
        var (s, _) = evaluate(cooledA(), observe(at: at(10), sessions: .value([pin("s", modelA)])))
        (s, _, _) = ingest(s, failure(modelB, .overloaded, at: at(20), retryAfter: 3600), now: at(20))
        let (after, d) = evaluate(s, observe(at: at(30), sessions: .value([pin("s", modelB)])))
        #expect(d.with(rule: Rule.sessionRepin).map(\.action) == [.repinSession(key: "s", from: modelB, to: modelC)])
        #expect(after.pins["s"]?.original == modelA)
        #expect(after.pins["s"]?.repinnedTo == modelC)
    }

    /// Cools A, repins "s" to B and returns the state as seen at 10 s.
    func repinned() -> HealState {
        evaluate(cooledA(), observe(at: at(10), sessions: .value([pin("s", modelA)]))).0
    }

    @Test func thePinIsRestoredAfterTwoConsecutivePassingProbes() throws {
        var s = repinned()
        let onB = Observed<[SessionPin]>.value([pin("s", modelB)])
        // First pass: the cooldown is lifted, but one probe is not enough to move sessions back.
        s = Policy.applyProbe(state: s, result: ProbeResult(model: modelA, ok: true), now: at(400), config: makeConfig()).state
        #expect(s.models[modelA]?.cooldown == nil)
        var d: [Decision]
        (s, d) = evaluate(s, observe(at: at(401), sessions: onB))
        #expect(d.with(rule: Rule.sessionRestore).isEmpty)
        #expect(Policy.probeCandidates(s, now: at(401), config: makeConfig()) == [modelA], "A still needs its second probe")
        s = Policy.applyProbe(state: s, result: ProbeResult(model: modelA, ok: true), now: at(800), config: makeConfig()).state
        (s, d) = evaluate(s, observe(at: at(801), sessions: onB))
        let restore = try #require(d.with(rule: Rule.sessionRestore).first)
        #expect(restore.action == .restoreSessionPin(key: "s", from: modelB, to: modelA))
        #expect(restore.metric?.fields["newModel"] == .string(modelA.description))
        // The memory goes once the restore has worked.
        #expect(s.pins["s"] != nil)
        let done = Policy.applyOutcome(state: s, decision: restore, ok: true, now: at(802))
        #expect(done.pins["s"] == nil)
        // A failed restore keeps it and is retried after the pause, not before.
        let failed = Policy.applyOutcome(state: s, decision: restore, ok: false, now: at(802))
        #expect(evaluate(failed, observe(at: at(900), sessions: onB)).1.with(rule: Rule.sessionRestore).isEmpty)
        #expect(evaluate(failed, observe(at: at(801 + 600), sessions: onB)).1.with(rule: Rule.sessionRestore).count == 1)
    }

    @Test func aFailingProbeBetweenPassesStartsTheCountOver() {
        var s = repinned()
        let config = makeConfig()
        s = Policy.applyProbe(state: s, result: ProbeResult(model: modelA, ok: true), now: at(400), config: config).state
        s = Policy.applyProbe(state: s, result: ProbeResult(model: modelA, ok: false, reason: .rateLimit), now: at(800), config: config).state
        #expect(s.models[modelA]?.isCooling(at: at(800)) == true)
        #expect(s.probes.goodStreak[modelA] == 0)
        s = Policy.applyProbe(state: s, result: ProbeResult(model: modelA, ok: true), now: at(1200), config: config).state
        let (_, d) = evaluate(s, observe(at: at(1201), sessions: .value([pin("s", modelB)])))
        #expect(d.with(rule: Rule.sessionRestore).isEmpty, "one pass after a failure is not two in a row")
    }

    @Test func anExpiredCooldownAloneDoesNotRestoreWhileProbing() {
        let (_, d) = evaluate(repinned(), observe(at: at(4000), sessions: .value([pin("s", modelB)])))
        #expect(d.with(rule: Rule.sessionRestore).isEmpty)
    }

    @Test func withProbingOffTheEndOfTheCooldownRestores() {
        let config = makeConfig { $0.probeEnabled = false }
        let s = evaluate(cooledA(config), observe(at: at(10), sessions: .value([pin("s", modelA)])), config: config).0
        let (_, early) = evaluate(s, observe(at: at(3599), sessions: .value([pin("s", modelB)])), config: config)
        #expect(early.with(rule: Rule.sessionRestore).isEmpty)
        let (_, d) = evaluate(s, observe(at: at(3600), sessions: .value([pin("s", modelB)])), config: config)
        #expect(d.with(rule: Rule.sessionRestore).map(\.action) == [.restoreSessionPin(key: "s", from: modelB, to: modelA)])
    }

    @Test func aPinChangedBySomeoneElseIsForgotten() {
        let (s, d) = evaluate(repinned(), observe(at: at(20), sessions: .value([pin("s", modelC)])))
        #expect(s.pins["s"] == nil)
        #expect(d.rules().contains(Rule.sessionPinForgotten))
        #expect(d.with(rule: Rule.sessionRepin).isEmpty)
    }

    @Test func aSessionThatDisappearedIsForgotten() {
        let (s, d) = evaluate(repinned(), observe(at: at(20), sessions: .value([])))
        #expect(s.pins.isEmpty && d.rules() == [Rule.sessionPinForgotten])
    }

    @Test func unavailableSessionsChangeNothing() {
        let (s, d) = evaluate(repinned(), observe(at: at(20), sessions: .unavailable("sessions.list timed out")))
        #expect(s.pins["s"] != nil && d.with(rule: Rule.sessionPinForgotten).isEmpty)
    }

    @Test func aRepinIsRefusedWhileOpenClawJsonIsInvalid() {
        let (s, d) = evaluate(cooledA(), observe(at: at(10), sessions: .value([pin("s", modelA)]),
                                                 config: .invalid("JSON5: unexpected '}' at 3:1")))
        let repin = d.with(rule: Rule.sessionRepin)
        #expect(repin.count == 1)
        #expect(repin[0].refusal == "config invalid: JSON5: unexpected '}' at 3:1")
        #expect(!repin[0].isRunnable)
        #expect(s.pins.isEmpty, "a refused repin leaves no memory")
    }

    @Test func noFallbackMeansNoRepin() {
        let config = makeConfig { $0.modelOrder = [modelA, modelB] }
        var (s, _, _) = ingest(HealState(), failure(modelA, .rateLimit), config: config)
        // B is the last available one and is kept; a session pinned to B stays put.
        (s, _, _) = ingest(s, failure(modelB, .rateLimit), config: config)
        let (_, d) = evaluate(s, observe(at: at(5), sessions: .value([pin("s", modelB), pin("t", modelA)])), config: config)
        #expect(d.with(rule: Rule.sessionRepin).map(\.action) == [.repinSession(key: "t", from: modelA, to: modelB)])
    }
}

/// A session key that holds a credential is never repinned, so it never reaches the state.
struct PolicySessionsCredentialKeyTests {
    @Test func aSessionKeyHoldingACredentialIsRefusedAndNotRemembered() throws {
        let key = "agent:main:sk-ant-api03-Zx8mQ2vN4pL6rT0yW3bK5dF7hJ9cG1sA"
        let cooled = ingest(HealState(), failure(modelA, .rateLimit, retryAfter: 3600), config: makeConfig()).0
        let (s, d) = evaluate(cooled, observe(at: at(10), sessions: .value([pin(key, modelA), pin("agent:main:main", modelA)])))
        let repins = d.with(rule: Rule.sessionRepin)
        let refused = try #require(repins.first { $0.action == .repinSession(key: key, from: modelA, to: modelB) })
        #expect(refused.refusal?.contains("agent:main:sk-[REDACTED]") == true, "\(refused.refusal ?? "")")
        #expect(refused.refusal?.contains("Zx8mQ2vN4pL6rT0y") == false)
        #expect(s.pins[key] == nil)
        #expect(s.pins["agent:main:main"] != nil, "an ordinary session is still repinned")
    }
}
