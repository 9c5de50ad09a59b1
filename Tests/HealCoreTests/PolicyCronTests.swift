import Foundation
import Testing
@testable import HealCore

struct PolicyCronTests {
    static let runMs: Int64 = 1_760_000_000_000

    func job(run: Int64? = runMs, status: String? = "error", errors: Int? = nil, error: String? = "model refused: bad tool schema",
             enabled: Bool = true, auto: String? = nil, reason: String? = nil) -> CronJobObservation {
        CronJobObservation(id: "job-1", name: "Morning brief", enabled: enabled, lastRunAtMs: run, lastRunStatus: status,
                           lastError: error, lastErrorReason: reason, consecutiveErrors: errors, autoDisabledReason: auto)
    }

    /// Ticks 60 s apart with the given observations of the job.
    func run(_ jobs: [CronJobObservation], config: HealConfig = makeConfig(), state: HealState = HealState(),
             file: ConfigFileObservation = .valid) -> (HealState, [[Decision]]) {
        var s = state
        var all: [[Decision]] = []
        for (i, j) in jobs.enumerated() {
            let (next, d) = evaluate(s, observe(at: at(Double(i) * 60), cron: .value([j]), config: file), config: config)
            s = next
            all.append(d)
        }
        return (s, all)
    }

    func disables(_ d: [Decision]) -> [Decision] { d.with(rule: Rule.cronDisable).filter(\.isRunnable) }

    @Test func oneFailedRunSeenOnManyTicksIsCountedOnce() {
        // The seed's bug: it counted this as one failure per tick and disabled the job after 3 ticks.
        let (s, all) = run(Array(repeating: job(errors: 1), count: 10))
        #expect(all.flatMap { $0 }.isEmpty)
        #expect(s.crons["job-1"]?.failedRuns == 1)
        #expect(s.crons["job-1"]?.disabledByUs == false)
    }

    @Test func theThresholdCountsDistinctRuns() {
        let seq = [job(run: Self.runMs, errors: 1), job(run: Self.runMs, errors: 1),
                   job(run: Self.runMs + 3_600_000, errors: 2), job(run: Self.runMs + 3_600_000, errors: 2),
                   job(run: Self.runMs + 7_200_000, errors: 3)]
        let (s, all) = run(seq)
        #expect(all[0...3].allSatisfy { disables($0).isEmpty }, "two failed runs are below the threshold of 3")
        let d = disables(all[4])
        #expect(d.map(\.action) == [.disableCron(id: "job-1", name: "Morning brief")])
        #expect(d[0].metric == MetricEvent(event: "cron-disabled", fields: [
            "cronId": .string("job-1"), "cronName": .string("Morning brief"), "consecutiveFailures": .int(3)]))
        #expect(s.crons["job-1"]?.disabledByUs == true)
    }

    @Test func newRunTimesCountWithoutConsecutiveErrors() {
        let seq = (0..<3).map { job(run: Self.runMs + Int64($0) * 60_000, errors: nil) }
        let (_, all) = run(seq)
        #expect(disables(all[1]).isEmpty)
        #expect(disables(all[2]).count == 1)
    }

    @Test func aRiseInConsecutiveErrorsCountsEveryRun() {
        // Two runs failed between two ticks (a frequent job): consecutiveErrors 1 → 3.
        let (s, all) = run([job(run: Self.runMs, errors: 1), job(run: Self.runMs + 120_000, errors: 3)])
        #expect(s.crons["job-1"]?.failedRuns == 3)
        #expect(disables(all[1]).count == 1)
    }

    @Test(arguments: [
        ("connect ECONNREFUSED 127.0.0.1:18789", nil),
        ("Error: gateway closed (1006 abnormal closure (no close frame)): no close reason", nil),
        ("LLM request timed out.", nil),
        ("provider said no", "timeout"),
    ] as [(String, String?)])
    func connectivityFailuresDoNotCount(_ error: String, _ reason: String?) {
        let seq = (0..<6).map { job(run: Self.runMs + Int64($0) * 60_000, errors: $0 + 1, error: error, reason: reason) }
        let (s, all) = run(seq)
        #expect(all.flatMap { $0 }.isEmpty)
        #expect(s.crons["job-1"]?.failedRuns == 0)
    }

    @Test func aSuccessStartsTheCountOver() {
        let seq = [job(run: Self.runMs, errors: 1), job(run: Self.runMs + 60_000, errors: 2),
                   job(run: Self.runMs + 120_000, status: "ok", errors: 0, error: nil),
                   job(run: Self.runMs + 180_000, errors: 1), job(run: Self.runMs + 240_000, errors: 2)]
        let (s, all) = run(seq)
        #expect(all.allSatisfy { disables($0).isEmpty })
        #expect(s.crons["job-1"]?.failedRuns == 2)
    }

    @Test func aFallInConsecutiveErrorsMeansASuccessHappenedInBetween() {
        let seq = [job(run: Self.runMs, errors: 2), job(run: Self.runMs + 60_000, errors: 2),
                   job(run: Self.runMs + 600_000, errors: 1)]
        let (s, _) = run(seq)
        #expect(s.crons["job-1"]?.failedRuns == 1)
    }

    @Test func aJobOpenClawAutoDisabledIsReportedOnceAndLeftAlone() {
        let auto = job(run: Self.runMs, errors: 10, enabled: false, auto: "consecutive-failures")
        let (s, all) = run(Array(repeating: auto, count: 5))
        let flat = all.flatMap { $0 }
        #expect(flat.count == 1 && flat[0].rule == Rule.cronReport && flat[0].action == nil)
        #expect(s.crons["job-1"]?.autoDisabledReason == "consecutive-failures")
    }

    @Test func aFailingJobDisabledBySomeoneElseIsReportedNotTouched() {
        let (_, all) = run(Array(repeating: job(errors: 4, enabled: false), count: 3))
        let flat = all.flatMap { $0 }
        #expect(flat.map(\.rule) == [Rule.cronReport])
        #expect(flat.allSatisfy { $0.action == nil })
    }

    @Test func withDisablingOffAFailingJobRaisesOneAlert() {
        let config = makeConfig { $0.autoFix.disableFailingCrons = false }
        let seq = (0..<6).map { job(run: Self.runMs + Int64($0) * 60_000, errors: $0 + 1) }
        let (_, all) = run(seq, config: config)
        let flat = all.flatMap { $0 }
        #expect(flat.allSatisfy { $0.action == nil })
        #expect(flat.with(rule: Rule.cronAlert).count == 1)
    }

    @Test func oneIssuePerJobPerIssueCooldown() throws {
        let config = makeConfig {
            $0.autoFix.issueRepo = "acme/ops"; $0.autoFix.issueCooldownSec = 600; $0.autoFix.disableFailingCrons = false
            $0.autoFix.cronFailThreshold = 1
        }
        // A new failed run every minute for 15 minutes.
        let seq = (0..<15).map { job(run: Self.runMs + Int64($0) * 60_000, errors: $0 + 1,
                                     error: "Authorization: Bearer sk-ant-api03-abcdefghijklmnopqrstuvwxyz012345 rejected") }
        let (_, all) = run(seq, config: config)
        let issueTicks = all.indices.filter { !all[$0].with(rule: Rule.cronIssue).isEmpty }
        #expect(issueTicks == [0, 10])
        guard case .fileIssue(let issue) = all[0].with(rule: Rule.cronIssue)[0].action else {
            Issue.record("expected an issue"); return
        }
        #expect(issue.repo == "acme/ops")
        #expect(issue.title.contains("Morning brief"))
        #expect(!issue.body.contains("abcdefghijklmnopqrstuvwxyz"), "secrets never reach an issue body")
        #expect(issue.body.contains("[REDACTED]"))
    }

    @Test func noIssueWithoutARepo() {
        let seq = (0..<4).map { job(run: Self.runMs + Int64($0) * 60_000, errors: $0 + 1) }
        let (_, all) = run(seq)
        #expect(all.flatMap { $0 }.with(rule: Rule.cronIssue).isEmpty)
    }

    @Test func issueBodiesAreCapped() {
        let config = makeConfig { $0.autoFix.issueRepo = "acme/ops"; $0.autoFix.cronFailThreshold = 1 }
        let huge = String(repeating: "stack frame at module.js:12\n", count: 5000)
        let (_, all) = run([job(errors: 1, error: huge)], config: config)
        guard case .fileIssue(let issue) = all[0].with(rule: Rule.cronIssue).first?.action else {
            Issue.record("expected an issue"); return
        }
        #expect(issue.body.utf8.count <= IssueComposer.maxBodyBytes)
        #expect(issue.body.hasSuffix("[truncated]"))
    }

    @Test func aJobReEnabledAfterTheHealerDisabledItStartsOver() {
        let config = makeConfig { $0.autoFix.cronFailThreshold = 1 }
        var (s, all) = run([job(run: Self.runMs, errors: 1)], config: config)
        #expect(disables(all[0]).count == 1)
        (s, all) = run([job(run: Self.runMs, errors: 1, enabled: false), job(run: Self.runMs, errors: 1, enabled: true)],
                       config: config, state: s)
        #expect(all[1].map(\.rule) == [Rule.cronReport])
        #expect(s.crons["job-1"]?.failedRuns == 0 && s.crons["job-1"]?.disabledByUs == false)
    }

    @Test func aFailedDisableIsRetriedAfterAPause() throws {
        let config = makeConfig { $0.autoFix.cronFailThreshold = 1 }
        let (s0, d0) = evaluate(HealState(), observe(at: at(0), cron: .value([job(errors: 1)])), config: config)
        let disable = try #require(disables(d0).first)
        let s = Policy.applyOutcome(state: s0, decision: disable, ok: false, now: at(1))
        #expect(s.crons["job-1"]?.disabledByUs == false)
        #expect(disables(evaluate(s, observe(at: at(599), cron: .value([job(errors: 1)])), config: config).1).isEmpty)
        #expect(disables(evaluate(s, observe(at: at(600), cron: .value([job(errors: 1)])), config: config).1).count == 1)
    }

    @Test func aDisableRefusedByTheGuardIsDecidedAgainNextTick() {
        let config = makeConfig { $0.autoFix.cronFailThreshold = 1 }
        let (s, all) = run([job(errors: 1), job(errors: 1), job(errors: 1)], config: config, file: .invalid("trailing garbage"))
        for d in all {
            let r = d.with(rule: Rule.cronDisable)
            #expect(r.count == 1 && r[0].refusal == "config invalid: trailing garbage")
        }
        #expect(s.crons["job-1"]?.disabledByUs == false)
        let (_, d) = evaluate(s, observe(at: at(200), cron: .value([job(errors: 1)])), config: config)
        #expect(disables(d).count == 1, "once the config is valid again, the disable runs")
    }

    @Test func unavailableCronListChangesNothing() {
        let (s, _) = run([job(errors: 1)])
        let (after, d) = evaluate(s, observe(at: at(100), cron: .unavailable("cron list: gateway closed")))
        #expect(after.crons == s.crons && d.isEmpty)
    }

    @Test func jobsThatVanishAreForgotten() {
        let (s, _) = run([job(errors: 1)])
        let (after, _) = evaluate(s, observe(at: at(100), cron: .value([])))
        #expect(after.crons.isEmpty)
    }
}
