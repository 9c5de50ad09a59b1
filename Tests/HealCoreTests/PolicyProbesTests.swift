import Foundation
import Testing
@testable import HealCore

struct PolicyProbesTests {
    func probes(_ d: [Decision]) -> [ModelID] {
        d.compactMap { if case .probeModel(let m) = $0.action { return m } else { return nil } }
    }

    func cooled(_ models: [ModelID], config: HealConfig = makeConfig()) -> HealState {
        var s = HealState()
        for m in models { s = ingest(s, failure(m, .rateLimit, retryAfter: 7200), config: config).0 }
        return s
    }

    @Test func nothingIsProbedWhenNothingIsCooling() {
        let (_, d) = evaluate(HealState(), observe(at: at(1000)))
        #expect(probes(d).isEmpty)
    }

    @Test func onlyCooledModelsAreProbedAndNotRightAfterTheirFailure() {
        let s = cooled([modelA])
        #expect(probes(evaluate(s, observe(at: at(299))).1).isEmpty, "within probeIntervalSec of the failure")
        let (after, d) = evaluate(s, observe(at: at(300)))
        #expect(probes(d) == [modelA])
        #expect(after.probes.lastProbeAt[modelA] == at(300))
        #expect(after.probes.recent == [at(300)])
    }

    @Test func oneProbePerModelPerInterval() {
        var (s, d) = evaluate(cooled([modelA]), observe(at: at(300)))
        #expect(probes(d) == [modelA])
        (s, d) = evaluate(s, observe(at: at(599)))
        #expect(probes(d).isEmpty)
        (s, d) = evaluate(s, observe(at: at(600)))
        #expect(probes(d) == [modelA])
    }

    @Test func theHourlyBudgetCapsProbesAndRefillsAsTheHourRolls() {
        let config = makeConfig { $0.probe.budgetPerHour = 2; $0.probeIntervalSec = 60 }
        var s = cooled([modelA, modelB, "mistral/large"], config: config)
        var d: [Decision]
        (s, d) = evaluate(s, observe(at: at(60)), config: config)
        #expect(probes(d) == [modelA, modelB], "modelOrder first, then the budget is spent")
        (s, d) = evaluate(s, observe(at: at(1800)), config: config)
        #expect(probes(d).isEmpty, "budget spent for this rolling hour")
        (s, d) = evaluate(s, observe(at: at(3660)), config: config)
        #expect(probes(d) == [modelA, modelB], "both slots came back an hour after they were used")
        #expect(Policy.probeBudgetLeft(s, now: at(3660), config: config) == 0)
    }

    @Test func probingDisabledSchedulesNothing() {
        let config = makeConfig { $0.probeEnabled = false }
        #expect(probes(evaluate(cooled([modelA], config: config), observe(at: at(5000)), config: config).1).isEmpty)
    }

    @Test func aPassingProbeLiftsTheCooldownEarly() throws {
        let r = Policy.applyProbe(state: cooled([modelA]), result: ProbeResult(model: modelA, ok: true, latencyMs: 800),
                                  now: at(300), config: makeConfig())
        #expect(r.state.models[modelA]?.cooldown == nil)
        let d = try #require(r.decisions.first)
        #expect(d.rule == Rule.modelRecovered)
        #expect(d.metric == MetricEvent(event: "model-recovered", fields: ["model": .string(modelA.description), "isPreferred": .bool(true)]))
        #expect(r.state.probes.goodStreak[modelA] == 1)
    }

    @Test func aFailingProbeClimbsTheLadder() {
        var s = ingest(HealState(), failure(modelA, .rateLimit)).0          // strike 1: 60 s
        s = Policy.applyProbe(state: s, result: ProbeResult(model: modelA, ok: false, reason: .rateLimit, detail: "429"),
                              now: at(30), config: makeConfig()).state
        #expect(s.models[modelA]?.strikes == 2)
        #expect(s.models[modelA]?.cooldown?.until == at(30 + 300))
    }

    @Test func anInconclusiveProbeChangesNothing() {
        let s = cooled([modelA])
        let r = Policy.applyProbe(state: s, result: ProbeResult(model: modelA, ok: false, reason: nil, detail: "openclaw: not found"),
                                  now: at(300), config: makeConfig())
        #expect(r.state == s && r.decisions.isEmpty)
    }

    @Test func manualProbesIgnoreSpacingButNotTheBudget() {
        let config = makeConfig { $0.probe.budgetPerHour = 1 }
        let s = cooled([modelA, modelB], config: config)
        let (r, refused) = Policy.planManualProbes(state: s, model: nil, now: at(1), config: config)
        #expect(probes(r.decisions) == [modelA])
        #expect(refused.map(\.model) == [modelB])
        #expect(refused[0].ok == false && refused[0].detail.hasPrefix("refused: probe budget spent"))
    }

    @Test func aNamedModelIsProbedEvenWhenNotCooling() {
        let (r, refused) = Policy.planManualProbes(state: HealState(), model: modelB, now: t0, config: makeConfig())
        #expect(probes(r.decisions) == [modelB])
        #expect(refused.isEmpty)
    }
}
