import Foundation
import Testing
@testable import HealCore

/// Issue 12, point 9: a refusal is written once per change of condition; dry run never spends
/// the real budget.
struct RefusalNoiseTests {
    func refused(_ why: String, rule: String = Rule.gatewayRestart) -> Decision {
        Decision(incident: "i", rule: rule, trigger: "t", action: .restartGateway(reason: "x"), refusal: why)
    }

    @Test func theSameConditionIsWrittenOnce() {
        var memory: [String: String] = [:]
        var written: [Int] = []
        let ticks = ["backoff: last restart 61 s ago, 120 s required", "backoff: last restart 121 s ago, 240 s required",
                     "restarts paused until 2026-01-01T00:00:00Z: spent", "restarts paused until 2026-01-01T00:00:00Z: spent",
                     "config invalid: bad"]
        for (i, why) in ticks.enumerated() {
            let r = RefusalNoise.filter([refused(why)], memory: memory, completeTick: true)
            memory = r.memory
            if r.silenced.isEmpty { written.append(i) }
        }
        #expect(written == [0, 2, 4])
        // A tick that no longer refuses forgets: the next refusal is written again.
        memory = RefusalNoise.filter([], memory: memory, completeTick: true).memory
        #expect(RefusalNoise.filter([refused("config invalid: bad")], memory: memory, completeTick: true).silenced.isEmpty)
        // Between ticks (an ingested event) nothing is forgotten.
        let kept = RefusalNoise.filter([], memory: ["k": "v"], completeTick: false).memory
        #expect(kept == ["k": "v"])
    }

    @Test func conditionsDropNumbersAndTimes() {
        #expect(RefusalNoise.condition(of: "backoff: last restart 61 s ago") == "backoff")
        #expect(RefusalNoise.condition(of: "restarts paused until 2026-01-01: x") == "restarts paused until")
        #expect(RefusalNoise.condition(of: "crash-loop breaker: 2 boots") == "crash-loop breaker")
    }

    @Test func dryRunNeverSpendsTheRealBudget() {
        let config = makeConfig { $0.dryRun = true; $0.autoFix.whatsappDisconnectThreshold = 1; $0.openclaw.channelRestartGraceSec = 0 }
        var s = HealState()
        var planned = 0
        for i in 0..<30 {
            let r = evaluate(s, observe(at: at(Double(i) * 60), whatsapp: .value(.down)), config: config)
            s = r.0
            planned += r.1.filter { $0.isRunnable && $0.action?.kind.hasPrefix("restart") == true }.count
        }
        #expect(planned >= 2)
        #expect(s.restartBudget.restarts.isEmpty && s.restartBudget.pausedUntil == nil)
        #expect(!s.disruptive.dryRunBudget.restarts.isEmpty)
        // Switching dry run off: the real budget is whole.
        var live = config
        live.dryRun = false
        let r = evaluate(s, observe(at: at(30 * 60), whatsapp: .value(.down)), config: live)
        #expect(r.0.restartBudget.restarts.count == 1)
    }
}
