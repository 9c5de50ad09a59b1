import Foundation
import Testing
@testable import HealCore

struct PolicyModelsTests {
    @Test func rateLimitCoolsTheModelOnTheLadderAndFallsBack() throws {
        let (s, d, v) = ingest(HealState(), failure(modelA, .rateLimit))
        #expect(v.effect == .cooled)
        #expect(d.rules() == [Rule.modelCooldown])
        let cooldown = try #require(s.models[modelA]?.cooldown)
        #expect(cooldown.until == at(60))
        #expect(cooldown.reason == .rateLimit)
        #expect(s.models[modelA]?.strikes == 1)
        #expect(ModelPool(state: s, order: makeConfig().modelOrder, now: at(1)).active == modelB)
        #expect(d[0].metric == MetricEvent(event: "model-cooldown", fields: [
            "model": .string(modelA.description), "reason": .string("rate_limit"), "cooldownSec": .int(60)]))
        #expect(d[0].action == nil)
    }

    @Test func aStormOfFailuresWhileCoolingAddsNoStrike() {
        var (s, _, _) = ingest(HealState(), failure(modelA, .rateLimit))
        for i in 1...20 {
            let (next, d, v) = ingest(s, failure(modelA, .rateLimit, at: at(Double(i))), now: at(Double(i)))
            #expect(d.isEmpty)
            #expect(v.effect == .alreadyCooling)
            s = next
        }
        #expect(s.models[modelA]?.strikes == 1)
        #expect(s.models[modelA]?.cooldown?.until == at(60))
    }

    @Test func theLadderClimbsOnFailuresAfterACooldownEnds() {
        var (s, _, _) = ingest(HealState(), failure(modelA, .rateLimit))
        (s, _, _) = ingest(s, failure(modelA, .rateLimit, at: at(61)), now: at(61))
        #expect(s.models[modelA]?.strikes == 2)
        #expect(s.models[modelA]?.cooldown?.until == at(61 + 300))
        (s, _, _) = ingest(s, failure(modelA, .rateLimit, at: at(400)), now: at(400))
        #expect(s.models[modelA]?.cooldown?.until == at(400 + 1500))
    }

    @Test func strikesAreForgottenAfterAQuietDay() {
        var (s, _, _) = ingest(HealState(), failure(modelA, .rateLimit))
        (s, _, _) = ingest(s, failure(modelA, .rateLimit, at: at(61)), now: at(61))
        let later = at(61 + 86400)
        (s, _, _) = ingest(s, failure(modelA, .rateLimit, at: later), now: later)
        #expect(s.models[modelA]?.strikes == 1)
        #expect(s.models[modelA]?.cooldown?.until == later.addingTimeInterval(60))
    }

    @Test func retryAfterWinsOverTheLadder() {
        let (s, _, _) = ingest(HealState(), failure(modelA, .rateLimit, retryAfter: 1234))
        #expect(s.models[modelA]?.cooldown?.until == at(1234))
        #expect(s.models[modelA]?.cooldown?.retryAfterSec == 1234)
    }

    @Test func aMoreSevereFailureExtendsACooldown() {
        var (s, _, _) = ingest(HealState(), failure(modelA, .rateLimit))
        let d: [Decision]
        (s, d, _) = ingest(s, failure(modelA, .auth, text: "401 invalid x-api-key", at: at(10)), now: at(10))
        #expect(d.rules() == [Rule.modelCooldownExtended])
        #expect(s.models[modelA]?.cooldown?.reason == .auth)
        #expect(s.models[modelA]?.cooldown?.until == at(10 + 60 + 43200))
    }

    @Test(arguments: [FailureReason.contextOverflow, .format, .unknown, .sessionExpired])
    func nonModelFailuresNeverCool(_ reason: FailureReason) {
        let (s, d, v) = ingest(HealState(), failure(modelA, reason, text: "prompt is too long"))
        #expect(d.isEmpty)
        #expect(s.models.isEmpty)
        #expect(v.effect == .notAModelFailure)
    }

    @Test func unclassifiableTextIsNotAModelFailure() {
        let (s, d, v) = ingest(HealState(), failure(modelA, nil, text: "something odd happened"))
        #expect(d.isEmpty && s.models.isEmpty)
        #expect(v.reason == nil)
    }

    @Test func theHttpStatusClassifiesWhenTheEventCarriesNoReason() {
        let event = FailureEvent(at: t0, source: .http, model: modelB, errorText: "", httpStatus: 529)
        let (s, _, v) = ingest(HealState(), event)
        #expect(v.reason == .overloaded)
        #expect(s.models[modelB]?.isCooling(at: t0) == true)
    }

    @Test func theLastAvailableModelIsNeverCooled() throws {
        var (s, _, _) = ingest(HealState(), failure(modelA, .rateLimit))
        (s, _, _) = ingest(s, failure(modelB, .billing, text: "insufficient credits"))
        let (after, d, v) = ingest(s, failure(modelC, .rateLimit))
        #expect(v.effect == .keptLastModel)
        #expect(after.models[modelC]?.cooldown == nil)
        #expect(after.models[modelC]?.strikes == 1)
        let decision = try #require(d.first)
        #expect(decision.rule == Rule.lastModelKept)
        // The soonest expiry among the others is reported: A (60 s) before B (5 h).
        #expect(decision.evidence.contains { $0.contains("soonest back: \(modelA)") })
        #expect(ModelPool(state: after, order: makeConfig().modelOrder, now: t0).active == modelC)
    }

    @Test func aSingleModelPoolIsNeverEmptied() {
        let config = makeConfig { $0.modelOrder = [modelA] }
        let (s, d, v) = ingest(HealState(), failure(modelA, .rateLimit), config: config)
        #expect(v.effect == .keptLastModel)
        #expect(s.models[modelA]?.cooldown == nil)
        #expect(d.rules() == [Rule.lastModelKept])
        // A storm on the last model records one strike per minute at most.
        let (s2, d2, _) = ingest(s, failure(modelA, .rateLimit, at: at(5)), now: at(5), config: config)
        #expect(d2.isEmpty && s2.models[modelA]?.strikes == 1)
        let (s3, d3, _) = ingest(s2, failure(modelA, .rateLimit, at: at(70)), now: at(70), config: config)
        #expect(d3.count == 1 && s3.models[modelA]?.strikes == 2)
    }

    @Test func whenEveryModelIsCoolingTheSoonestBackIsActive() {
        var s = HealState()
        s.models[modelA] = ModelRecord(strikes: 1, cooldown: ModelCooldown(since: t0, until: at(900), reason: .rateLimit, source: "log", evidence: ""))
        s.models[modelB] = ModelRecord(strikes: 1, cooldown: ModelCooldown(since: t0, until: at(100), reason: .rateLimit, source: "log", evidence: ""))
        s.models[modelC] = ModelRecord(strikes: 1, cooldown: ModelCooldown(since: t0, until: at(500), reason: .rateLimit, source: "log", evidence: ""))
        #expect(ModelPool(state: s, order: makeConfig().modelOrder, now: at(1)).active == modelB)
    }

    @Test func cooldownsExpireByTimeAtTheTick() {
        let (s, _, _) = ingest(HealState(), failure(modelA, .rateLimit))
        let (before, d1) = evaluate(s, observe(at: at(59)))
        #expect(d1.with(rule: Rule.modelRecovered).isEmpty)
        #expect(before.models[modelA]?.cooldown != nil)
        let (after, d2) = evaluate(s, observe(at: at(60)))
        #expect(d2.with(rule: Rule.modelRecovered).count == 1)
        #expect(d2.with(rule: Rule.modelRecovered)[0].metric?.fields["isPreferred"] == .bool(true))
        #expect(after.models[modelA]?.cooldown == nil)
        #expect(ModelPool(state: after, order: makeConfig().modelOrder, now: at(60)).active == modelA)
    }

    @Test func aStaleEventCoolsNothing() {
        let (s, d, v) = ingest(HealState(), failure(modelA, .rateLimit, at: at(-7200)))
        #expect(v.effect == .stale)
        #expect(d.isEmpty && s.models[modelA]?.cooldown == nil)
    }

    @Test func modelsOutsideModelOrderCoolFreely() {
        let (s, d, _) = ingest(HealState(), failure("mistral/large", .rateLimit))
        #expect(d.rules() == [Rule.modelCooldown])
        #expect(s.models["mistral/large"]?.isCooling(at: t0) == true)
    }

    struct Blame: Sendable, CustomStringConvertible {
        let event: FailureEvent, pins: [SessionPin], expected: ModelID?, how: String
        var description: String { how }
    }

    static let blames: [Blame] = [
        Blame(event: failure(modelB, .rateLimit), pins: [], expected: modelB, how: "named by the event"),
        Blame(event: failure(nil, .rateLimit, session: "s1"), pins: [pin("s1", modelC)], expected: modelC,
              how: "pinned model of session s1"),
        Blame(event: failure(nil, .rateLimit, text: "openai/gpt-5.2: 429 too many requests"), pins: [],
              expected: modelB, how: "named in the error text"),
        Blame(event: failure(nil, .rateLimit, text: "All models failed (2): anthropic/claude-opus-4-6: 429 | openai/gpt-5.2: 429"),
              pins: [], expected: nil, how: "unattributed: the error text names several models"),
        Blame(event: failure(nil, .rateLimit, text: "⚠️ API rate limit reached."), pins: [], expected: nil,
              how: "unattributed: the event names no model and no session"),
        Blame(event: failure(nil, .rateLimit, session: "s9"), pins: [pin("s1", modelC)], expected: nil,
              how: "unattributed: session s9 was not seen with a pin"),
        Blame(event: failure(nil, .rateLimit, source: .probe), pins: [], expected: nil, how: "probe result without a model"),
    ]

    @Test(arguments: blames)
    func attribution(_ row: Blame) {
        let pool = ModelPool(state: HealState(), order: makeConfig().modelOrder, now: t0)
        let (model, how) = FailureAttribution.blame(row.event, knownPins: row.pins, pool: pool)
        #expect(model == row.expected)
        #expect(how == row.how)
    }

    /// Issue 13 changed this: a failure naming no model used to cool the active model; now it
    /// cools nothing and is recorded as unattributed.
    @Test func unattributedFailuresCoolNoModelAndAreRecorded() {
        var (s, _, _) = ingest(HealState(), failure(modelA, .rateLimit))
        let d: [Decision]
        let v: FailureVerdict
        (s, d, v) = ingest(s, failure(nil, .overloaded, text: "The AI service is temporarily overloaded."))
        #expect(s.models[modelB] == nil)
        #expect(d.rules() == [Rule.failureUnattributed])
        #expect(d[0].evidence.contains(Rule.humanAction(Rule.failureUnattributed)))
        #expect(v.effect == .unattributed && v.model == nil)
    }

    @Test func quietModelsAreForgottenAfterADay() {
        var (s, _, _) = ingest(HealState(), failure("typo/model", .rateLimit))
        (s, _, _) = ingest(s, failure(modelA, .rateLimit, at: at(100), retryAfter: 200_000), now: at(100))
        let (kept, _) = evaluate(s, observe(at: at(86399)))
        #expect(kept.models["typo/model"] != nil, "strikes are remembered for a day")
        let (after, _) = evaluate(s, observe(at: at(86400)))
        #expect(after.models["typo/model"] == nil)
        #expect(after.models[modelA] != nil, "a model still cooling is kept")
    }
}
