import Foundation
import Testing
@testable import HealCore

/// Issue 13, point 1: the gateway's own count and reason for a cron job's failures.
struct PolicyEvidenceCronTests {
    static let runMs: Int64 = 1_760_000_000_000

    func job(run: Int64 = runMs, errors: Int? = nil, error: String = "model refused: bad tool schema",
             reason: String? = nil, model: ModelID? = nil) -> CronJobObservation {
        CronJobObservation(id: "job-1", name: "Daily digest", enabled: true, lastRunAtMs: run, lastRunStatus: "error",
                           lastError: error, lastErrorReason: reason, consecutiveErrors: errors, model: model?.description)
    }

    @Test func consecutiveErrorsAtFirstSightCountAsThatManyRuns() {
        let config = makeConfig { $0.autoFix.cronFailThreshold = 3 }
        let (s, d) = evaluate(HealState(), observe(at: t0, cron: .value([job(errors: 4)])), config: config)
        #expect(s.crons["job-1"]?.failedRuns == 4)
        #expect(d.with(rule: Rule.cronDisable).filter(\.isRunnable).count == 1, "a daily job OpenClaw saw fail 4 times is not given 3 more days")
        // Afterwards only rises count, as before.
        let (after, _) = evaluate(s, observe(at: at(60), cron: .value([job(errors: 4)])), config: config)
        #expect(after.crons["job-1"]?.failedRuns == 4)
        let (rose, _) = evaluate(after, observe(at: at(120), cron: .value([job(run: Self.runMs + 86_400_000, errors: 6)])), config: config)
        #expect(rose.crons["job-1"]?.failedRuns == 6)
    }

    @Test func aFirstSightWithoutACountIsOneRun() {
        let (s, _) = evaluate(HealState(), observe(at: t0, cron: .value([job()])))
        #expect(s.crons["job-1"]?.failedRuns == 1)
    }

    @Test(arguments: ["rate_limit", "overloaded", "billing", "auth", "auth_permanent", "timeout", "model_not_found", "server_error"])
    func modelClassReasonsFeedTheModelRulesNotTheJob(reason: String) {
        let config = makeConfig { $0.autoFix.cronFailThreshold = 1 }
        let (s, d) = evaluate(HealState(), observe(at: t0, cron: .value([job(errors: 5, error: "provider said no", reason: reason, model: modelA)])),
                              config: config)
        #expect(s.crons["job-1"]?.failedRuns == 0)
        #expect(d.with(rule: Rule.cronDisable).isEmpty)
        #expect(d.with(rule: Rule.cronModelFailure).count == 1)
        #expect(s.models[modelA]?.lastReason?.rawValue == reason, "the job's model got the failure")
        #expect(s.models[modelA]?.isCooling(at: t0) == true)
    }

    /// A job's `payload.model` written without its provider is the one `modelOrder` model of that name.
    @Test func aJobModelWithoutItsProviderIsTheModelOrderEntryOfThatName() {
        let config = makeConfig { $0.autoFix.cronFailThreshold = 1 }
        var bare = job(errors: 5, error: "provider said no", reason: "rate_limit")
        bare.model = modelB.model
        let (s, d) = evaluate(HealState(), observe(at: t0, cron: .value([bare])), config: config)
        #expect(d.with(rule: Rule.cronModelFailure).count == 1)
        #expect(s.models[modelB]?.isCooling(at: t0) == true)
        #expect(s.models.count == 1, "no record under the bare name")
    }

    @Test func theReasonOpenClawGaveWinsOverTheText() {
        // The text alone reads as a format error (the job's fault); OpenClaw says rate_limit.
        let (s, d) = evaluate(HealState(), observe(at: t0, cron: .value([
            job(errors: 2, error: "400 invalid request format", reason: "rate_limit", model: modelB)])))
        #expect(s.crons["job-1"]?.failedRuns == 0)
        #expect(s.models[modelB]?.cooldown?.reason == .rateLimit)
        #expect(d.with(rule: Rule.cronModelFailure).count == 1)
    }

    @Test func withoutAReasonTheTextIsClassified() {
        let (s, _) = evaluate(HealState(), observe(at: t0, cron: .value([
            job(errors: 1, error: #"429 {"type":"error","error":{"type":"rate_limit_error","message":"slow down"}}"#, model: modelA)])))
        #expect(s.crons["job-1"]?.failedRuns == 0)
        #expect(s.models[modelA]?.cooldown?.reason == .rateLimit)
    }

    @Test func aModelNamedOnlyInTheErrorIsCooled() {
        let (s, _) = evaluate(HealState(), observe(at: t0, cron: .value([
            job(errors: 1, error: "google/gemini-2.5-flash: 529 overloaded_error")])))
        #expect(s.models[modelC]?.cooldown?.reason == .overloaded)
    }

    @Test(arguments: ["HTTP 502 Bad Gateway", #"{"error":{"message":"The server had an error","type":"server_error"}}"#,
                      "500 Internal Server Error", #"500 {"error":{"type":"server_error"}}"#])
    func plainAndStructured5xxAreAlike(text: String) {
        let (s, d) = evaluate(HealState(), observe(at: t0, cron: .value([job(errors: 3, error: text, model: modelA)])))
        #expect(s.crons["job-1"]?.failedRuns == 0)
        #expect(d.with(rule: Rule.cronModelFailure).count == 1)
        #expect(s.models[modelA]?.isCooling(at: t0) == true)
    }

    @Test func aModelFailureWithNoModelIsReportedOnceNotCounted() {
        var (s, d) = evaluate(HealState(), observe(at: t0, cron: .value([job(errors: 1, error: "429 Too Many Requests")])))
        #expect(d.with(rule: Rule.cronModelFailure).count == 1)
        #expect(d[0].evidence.contains(Rule.humanAction(Rule.cronModelFailure)))
        (s, d) = evaluate(s, observe(at: at(60), cron: .value([job(run: Self.runMs + 60_000, errors: 2, error: "429 Too Many Requests")])))
        #expect(d.isEmpty, "once per class, not per run")
        #expect(s.crons["job-1"]?.failedRuns == 0)
        #expect(s.models.isEmpty)
    }

    @Test func aRefusedDisableNeverFilesAnIssueSayingItWasDisabled() throws {
        let config = makeConfig { $0.autoFix.cronFailThreshold = 1; $0.autoFix.issueRepo = "acme/ops" }
        let (_, d) = evaluate(HealState(), observe(at: t0, cron: .value([job(errors: 1)]), config: .invalid("$include /x/p.json5: no such file")),
                              config: config)
        #expect(d.with(rule: Rule.cronDisable).first?.refusal != nil)
        guard case .fileIssue(let issue)? = d.with(rule: Rule.cronIssue).first?.action else {
            Issue.record("no issue decided: \(d.rules())"); return
        }
        #expect(!issue.body.contains("was disabled"))
        #expect(issue.body.contains("did not disable it (refused: config invalid: $include /x/p.json5: no such file)"))
        #expect(issue.subject == "cron:job-1")
    }

    @Test func aDisableThatRunsSaysSoInTheIssue() throws {
        let config = makeConfig { $0.autoFix.cronFailThreshold = 1; $0.autoFix.issueRepo = "acme/ops" }
        let (_, d) = evaluate(HealState(), observe(at: t0, cron: .value([job(errors: 1)])), config: config)
        guard case .fileIssue(let issue)? = d.with(rule: Rule.cronIssue).first?.action else {
            Issue.record("no issue decided"); return
        }
        #expect(issue.body.contains("was disabled by openclaw-self-heal"))
    }

    @Test func aFailedIssueFilingGivesTheCooldownBack() throws {
        let config = makeConfig { $0.autoFix.cronFailThreshold = 1; $0.autoFix.issueRepo = "acme/ops" }
        let (s, d) = evaluate(HealState(), observe(at: t0, cron: .value([job(errors: 1)])), config: config)
        let issue = try #require(d.with(rule: Rule.cronIssue).first)
        #expect(s.crons["job-1"]?.lastIssueAt == t0)
        let failed = Policy.applyOutcome(state: s, decision: issue, ok: false, now: t0)
        #expect(failed.crons["job-1"]?.lastIssueAt == nil)
        let worked = Policy.applyOutcome(state: s, decision: issue, ok: true, now: t0)
        #expect(worked.crons["job-1"]?.lastIssueAt == t0)
    }
}
