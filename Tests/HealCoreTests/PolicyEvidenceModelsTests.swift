import Foundation
import Testing
@testable import HealCore

/// Issue 13, point 3: which failover evidence cools a model, reset times, unattributed failures,
/// the model kept when all fail, probe spacing by class, per-profile cooldowns.
struct PolicyEvidenceModelsTests {
    func event(_ model: ModelID?, _ reason: FailureReason?, decision: String? = nil, profile: String? = nil,
               text: String = "429 rate_limit_error", at time: Date = t0, resetAt: Date? = nil) -> FailureEvent {
        FailureEvent(at: time, source: .log, model: model, errorText: text, reason: reason, resetAt: resetAt,
                     profileId: profile, decision: decision)
    }

    @Test(arguments: ["candidate_failed", "fallback_model", "surface_error", "model.failover"])
    func decisionsThatShowTheModelFailingCoolIt(decision: String) {
        let (s, d, v) = ingest(HealState(), event(modelA, .rateLimit, decision: decision))
        #expect(s.models[modelA]?.isCooling(at: t0) == true)
        #expect(d.rules() == [Rule.modelCooldown])
        #expect(v.effect == .cooled)
    }

    @Test func rotateProfileIsRecordedButCoolsNothingAndMovesNoPin() {
        let (s, d, v) = ingest(HealState(), event(modelA, .rateLimit, decision: "rotate_profile", profile: "anthropic:default"),
                               pins: [pin("agent:main:main", modelA)])
        #expect(s.models[modelA]?.isCooling(at: t0) != true)
        #expect(d.rules() == [Rule.profileRotated])
        #expect(d.actions().isEmpty)
        #expect(s.pins.isEmpty)
        #expect(v.effect == .profileRotated)
        #expect(s.models[modelA]?.profileUntil["anthropic:default"].map { $0 > t0 } == true, "the profile is remembered as cooling")
        // Seen again at the next tick: the record is not forgotten while the profile cools.
        let (kept, _) = evaluate(s, observe(at: at(30)))
        #expect(kept.models[modelA]?.profileUntil["anthropic:default"] != nil)
    }

    @Test func aResetTimeIsHonouredLikeRetryAfter() {
        let reset = at(2 * 3600)
        let (s, _, v) = ingest(HealState(), event(modelA, .rateLimit, resetAt: reset))
        #expect(v.retryAfterSec == 7200)
        #expect(s.models[modelA]?.cooldown?.until == reset)
        #expect(s.models[modelA]?.cooldown?.resetAt == reset)
        // No probe before the reset, however short the probe interval.
        let config = makeConfig { $0.probeIntervalSec = 60 }
        #expect(Policy.nextProbeAt(s, model: modelA, config: config) == reset)
    }

    @Test func aResetTimeWrittenInTheTextIsHonouredToo() {
        let (s, _, v) = ingest(HealState(), event(modelA, nil, text: "429 usage limit reached; resets at 2025-10-09T11:53:20Z"))
        #expect(v.reason == .rateLimit)
        #expect(v.retryAfterSec == 10_800)
        #expect(s.models[modelA]?.cooldown?.until == at(10_800))
    }

    @Test func aReasonTheSourceGaveIsNotRecomputed() {
        // The text alone reads as billing; OpenClaw said rate_limit, and that stands.
        let (s, _, v) = ingest(HealState(), event(modelA, .rateLimit, text: "402 insufficient credits"))
        #expect(v.reason == .rateLimit)
        #expect(s.models[modelA]?.cooldown?.reason == .rateLimit)
    }

    @Test func whenAllFailTheOneBackSoonestStaysActive() {
        // B and C are cooling for a minute; A, the last available, fails with billing (hours).
        var (s, _, _) = ingest(HealState(), event(modelB, .rateLimit))
        (s, _, _) = ingest(s, event(modelC, .rateLimit))
        let (after, d, v) = ingest(s, event(modelA, .billing, text: "402 insufficient credits"))
        #expect(v.effect == .cooled, "A is cooled: the others are back sooner")
        let pool = ModelPool(state: after, order: makeConfig().modelOrder, now: t0)
        #expect(pool.available.isEmpty)
        #expect(pool.active == modelB)
        #expect(d[0].evidence.contains { $0.contains("expected back soonest") })
    }

    @Test func whenTheLastModelWouldBeBackSoonestItIsKept() {
        var (s, _, _) = ingest(HealState(), event(modelB, .billing, text: "402 insufficient credits"))
        (s, _, _) = ingest(s, event(modelC, .billing, text: "402 insufficient credits"))
        let (after, d, v) = ingest(s, event(modelA, .rateLimit))
        #expect(v.effect == .keptLastModel)
        #expect(after.models[modelA]?.isCooling(at: t0) != true)
        #expect(d.rules() == [Rule.lastModelKept])
    }

    @Test func probeSpacingFitsTheClass() {
        let config = makeConfig { $0.probeIntervalSec = 300 }
        #expect(Policy.probeSpacingSec(for: .rateLimit, config: config) == 300)
        #expect(Policy.probeSpacingSec(for: .auth, config: config) == 1800)
        #expect(Policy.probeSpacingSec(for: .billing, config: config) == 6 * 3600)
        #expect(Policy.probeSpacingSec(for: .authPermanent, config: config) == 6 * 3600)
        var (s, _, _) = ingest(HealState(), event(modelA, .billing, text: "402 insufficient credits"), config: config)
        (s, _, _) = ingest(s, event(modelB, .rateLimit), config: config)
        #expect(Policy.nextProbeAt(s, model: modelA, config: config) == at(6 * 3600))
        #expect(Policy.nextProbeAt(s, model: modelB, config: config) == at(300))
        #expect(Policy.probeCandidates(s, now: t0, config: config) == [modelB, modelA], "transient classes first")
    }

    @Test func aBillingDeadModelCannotEatTheHourlyBudget() {
        let config = makeConfig { $0.probeIntervalSec = 60; $0.probe.budgetPerHour = 4 }
        var (s, _, _) = ingest(HealState(), event(modelA, .billing, text: "402 insufficient credits"), config: config)
        var probed = 0
        for minute in 1...60 {
            let (next, d) = evaluate(s, observe(at: at(Double(minute) * 60)), config: config)
            s = next
            probed += d.filter { if case .probeModel = $0.action { return true } else { return false } }.count
        }
        #expect(probed == 0, "6 h spacing: not a single probe in the first hour")
    }

    @Test func perProfileCooldownsLeaveTheModelUpWhileAProfileIsLeft() {
        // Two keys are known for A (one rotated away from earlier).
        var (s, _, _) = ingest(HealState(), event(modelA, .rateLimit, decision: "rotate_profile", profile: "anthropic:work"))
        s.models[modelA]?.profileUntil["anthropic:home"] = .distantPast  // known and usable
        let (one, d, v) = ingest(s, event(modelA, .rateLimit, decision: "candidate_failed", profile: "anthropic:home",
                                          at: at(10)), now: at(10))
        #expect(v.effect == .cooled, "both known profiles are cooling now: the model is down")
        #expect(one.models[modelA]?.isCooling(at: at(10)) == true)
        #expect(d.rules() == [Rule.modelCooldown])

        var fresh = HealState()
        fresh.models[modelA] = ModelRecord(profileUntil: ["anthropic:home": .distantPast, "anthropic:work": .distantPast])
        let (two, d2, v2) = ingest(fresh, event(modelA, .rateLimit, decision: "candidate_failed", profile: "anthropic:work"))
        #expect(v2.effect == .profileCooled)
        #expect(two.models[modelA]?.isCooling(at: t0) != true)
        #expect(d2.rules() == [Rule.profileCooldown])
        #expect(d2[0].evidence.contains { $0.contains("profiles still usable: anthropic:home") })
    }

    @Test func aModelDownOnAllProfilesComesBackWithItsFirstProfile() {
        var s = HealState()
        s.models[modelA] = ModelRecord(profileUntil: ["p1": at(120)])
        let (after, _, _) = ingest(s, event(modelA, .rateLimit, decision: "candidate_failed", profile: "p2", text: "429", at: t0),
                                   config: makeConfig { $0.cooldownMinutes = 300 })
        // p2 got the ladder's 60 s; p1 was cooling until 120 s: the model is back with p2.
        #expect(after.models[modelA]?.cooldown?.until == at(60))
    }
}
