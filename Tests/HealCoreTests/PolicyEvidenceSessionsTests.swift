import Foundation
import Testing
@testable import HealCore

/// Issue 13, point 5: only strict pins move, a pin is restored exactly, no pin is ever invented,
/// and an `auto` pin never becomes a `user` one.
struct PolicyEvidenceSessionsTests {
    let noProbes = makeConfig { $0.probeEnabled = false }

    func cooledA(_ config: HealConfig) -> HealState {
        ingest(HealState(), failure(modelA, .rateLimit, retryAfter: 60), config: config).0
    }

    @Test func onlyStrictPinsAreRepinned() {
        let sessions = [pin("user", modelA), pin("legacy", modelA, source: nil), pin("auto", modelA, source: "auto"),
                        pin("odd", modelA, source: "heartbeat")]
        let (s, d) = evaluate(cooledA(noProbes), observe(at: at(10), sessions: .value(sessions)), config: noProbes)
        #expect(d.actions() == [.repinSession(key: "legacy", from: modelA, to: modelB),
                                .repinSession(key: "user", from: modelA, to: modelB)])
        #expect(s.pins["legacy"]?.originalSource == nil && s.pins["legacy"]?.originalHadOverride == true)
        #expect(s.pins["user"]?.originalSource == "user")
    }

    @Test func aFailureEventForAnUnpinnedSessionCreatesNoPin() {
        let (s, d, _) = ingest(HealState(), failure(modelA, .rateLimit, session: "agent:main:whatsapp:direct:+1555"))
        #expect(d.rules() == [Rule.modelCooldown])
        #expect(s.pins.isEmpty)
    }

    @Test func aPinIsRestoredToExactlyWhatItWas() throws {
        var (s, _) = evaluate(cooledA(noProbes), observe(at: at(10), sessions: .value([pin("s", modelA)])), config: noProbes)
        let d: [Decision]
        (s, d) = evaluate(s, observe(at: at(120), sessions: .value([pin("s", modelB)])), config: noProbes)
        let restore = try #require(d.with(rule: Rule.sessionRestore).first)
        #expect(restore.action == .restoreSessionPin(key: "s", from: modelB, to: modelA))
        #expect(restore.evidence.contains("restored exactly: \(modelA) (source user)"))
    }

    @Test func aSessionThatHadNoOverrideIsRestoredWithModelNull() throws {
        // A memory from an earlier version, which pinned sessions that a failure event named.
        var s = HealState()
        s.pins["s"] = RememberedPin(original: modelA, repinnedTo: modelB, at: t0, lastAttemptAt: t0, originalHadOverride: false)
        let (after, d) = evaluate(s, observe(at: at(10), sessions: .value([pin("s", modelB)])), config: noProbes)
        let restore = try #require(d.with(rule: Rule.sessionRestore).first)
        #expect(restore.action == .clearSessionPin(key: "s", from: modelB))
        #expect(restore.evidence.contains { $0.contains("restored with model null") })
        #expect(Policy.applyOutcome(state: after, decision: restore, ok: true, now: at(11)).pins["s"] == nil)
        #expect(Policy.applyOutcome(state: after, decision: restore, ok: false, now: at(11)).pins["s"] != nil)
    }

    @Test func anAutoPinIsNeverTurnedIntoAUserPin() {
        var (s, _) = evaluate(cooledA(noProbes), observe(at: at(10), sessions: .value([pin("s", modelA)])), config: noProbes)
        // OpenClaw's own fallback now holds the session (on the model the healer had chosen).
        let d: [Decision]
        (s, d) = evaluate(s, observe(at: at(120), sessions: .value([pin("s", modelB, source: "auto")])), config: noProbes)
        #expect(d.with(rule: Rule.sessionRestore).isEmpty)
        #expect(d.with(rule: Rule.sessionPinForgotten).count == 1)
        #expect(s.pins["s"] == nil)
    }

    @Test func aRememberedPinFromAnOlderStateStillLoads() throws {
        let json = #"{"original":"a/x","repinnedTo":"b/y","at":1760000000,"lastAttemptAt":1760000000}"#
        let pin = try StateStore.decoder().decode(RememberedPin.self, from: Data(json.utf8))
        #expect(pin.originalHadOverride == nil && pin.originalSource == nil)
    }
}
