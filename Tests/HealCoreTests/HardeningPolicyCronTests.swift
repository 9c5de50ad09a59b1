import Foundation
import Testing
@testable import HealCore

/// Found by the crash-consistency test (HardeningCrashConsistencyTests): a healer killed while
/// `openclaw cron disable` ran left `disabledByUs` set on a job that was never disabled; the next
/// healer saw the job enabled, reported it "re-enabled after the healer disabled it" (it never was)
/// and forgot its failed runs, so a job failing the same run was never disabled.
@Suite struct HardeningPolicyCronTests {
    static let runMs: Int64 = 1_760_000_000_000
    let config = makeConfig { $0.autoFix.cronFailThreshold = 1 }

    func job(enabled: Bool = true) -> CronJobObservation {
        CronJobObservation(id: "job-1", name: "Morning brief", enabled: enabled, lastRunAtMs: Self.runMs, lastRunStatus: "error",
                           lastError: "model refused: bad tool schema", consecutiveErrors: 1)
    }

    func disables(_ d: [Decision]) -> [Decision] { d.with(rule: Rule.cronDisable).filter(\.isRunnable) }

    @Test func aDisableInterruptedByAStopIsRetriedNotMistakenForAReEnable() throws {
        // The disable is decided and saved; the healer dies before it ran (no outcome recorded).
        let (interrupted, first) = evaluate(HealState(), observe(at: at(0), cron: .value([job()])), config: config)
        #expect(disables(first).count == 1)
        #expect(interrupted.crons["job-1"]?.disabledByUs == true)

        // The restarted healer still sees the job enabled.
        let (s, d) = evaluate(interrupted, observe(at: at(60), cron: .value([job()])), config: config)
        #expect(!d.contains { $0.trigger.contains("re-enabled") }, "\(d.map(\.trigger))")
        #expect(d.with(rule: Rule.cronReport).first?.trigger.contains("did not take effect") == true)
        #expect(s.crons["job-1"]?.failedRuns == 1, "the failed run still counts")
        #expect(s.crons["job-1"]?.disabledByUs == false)
        #expect(disables(d).isEmpty, "retried only after actionRetrySec")

        let (_, retry) = evaluate(s, observe(at: at(600), cron: .value([job()])), config: config)
        #expect(disables(retry).count == 1, "the disable is retried")
    }

    @Test func aDisableThatRanAndWasUndoneBySomeoneStartsOver() throws {
        let (decided, first) = evaluate(HealState(), observe(at: at(0), cron: .value([job()])), config: config)
        let disable = try #require(disables(first).first)
        let done = Policy.applyOutcome(state: decided, decision: disable, ok: true, now: at(1))
        #expect(done.crons["job-1"]?.disableSucceededAt == at(1))

        // Re-enabled by its owner before the next tick: the healer never saw it disabled.
        let (s, d) = evaluate(done, observe(at: at(60), cron: .value([job()])), config: config)
        #expect(d.with(rule: Rule.cronReport).first?.trigger.contains("re-enabled after the healer disabled it") == true)
        #expect(s.crons["job-1"]?.failedRuns == 0)
        #expect(disables(evaluate(s, observe(at: at(700), cron: .value([job()])), config: config).1).isEmpty,
                "the owner's choice is not fought: the same failed run is not counted again")
    }

    @Test func aStateFileWithoutTheNewFieldStillLoads() throws {
        let json = #"{"name":"J","failedRuns":2,"enabled":true,"disabledByUs":true}"#
        let track = try JSONDecoder().decode(CronTrack.self, from: Data(json.utf8))
        #expect(track.disableSucceededAt == nil && track.disabledByUs)
    }
}
