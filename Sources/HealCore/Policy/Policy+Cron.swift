import FoundationEssentials

extension Policy {
    /// Counts distinct failed runs per job and quarantines a job that reaches `cronFailThreshold`.
    ///
    /// A failed run is counted once: when `lastRunAtMs` moves on with status error, or when
    /// `consecutiveErrors` rises (by as many runs as it rose). Seeing the same failed run on many
    /// ticks counts nothing (the seed counted ticks and disabled a job 3 minutes after one failure).
    /// A job seen for the first time counts its `consecutiveErrors` (OpenClaw's own count of
    /// distinct failed runs), or its last run when the CLI gives no count.
    ///
    /// The failure's class is `lastErrorReason` when OpenClaw gives one, else the classifier's
    /// reading of `lastError` (classified once). Model-class failures (rate_limit, overloaded,
    /// billing, auth, auth_permanent, timeout, model_not_found, server_error, tls_certificate) are
    /// the model's problem, not the job's: they go to the model rules (the job's `payload.model`,
    /// or the one `modelOrder` model the error names, is cooled) and never count against the job.
    /// A plain `HTTP 502` and a structured `"type":"server_error"` are alike in this. Other
    /// connectivity failures (a closed gateway, a refused connection) do not count either.
    /// A success, or `consecutiveErrors` going down, starts the count over.
    ///
    /// Jobs OpenClaw already disabled (`autoDisabled`, or disabled by someone other than the
    /// healer) are reported, never touched. A job the healer disabled and someone re-enabled starts
    /// over.
    static func cronRule(_ s: inout HealState, jobs: [CronJobObservation], now: Date, config: HealConfig,
                         context: PolicyContext, into decisions: inout [Decision]) {
        var seen = Set<String>(minimumCapacity: jobs.count)
        // In id order (incidents are numbered the same way whatever order the CLI printed), by
        // sorting positions rather than moving thousands of observations around.
        for position in jobs.indices.sorted(by: { jobs[$0].id < jobs[$1].id }) {
            let job = jobs[position]
            seen.insert(job.id)
            let previous = s.crons[job.id]
            var t = previous ?? CronTrack(name: job.name)
            t.name = job.name
            let prevRun = t.lastSeenRunAtMs
            let prevErrors = t.lastSeenConsecutiveErrors
            t.lastSeenRunAtMs = job.lastRunAtMs ?? prevRun
            t.lastSeenConsecutiveErrors = job.consecutiveErrors ?? prevErrors
            defer { s.crons[job.id] = t }

            if t.disabledByUs && job.enabled {
                t.disabledByUs = false
                // The disable took effect if it reported success or the job has been seen disabled
                // since. Otherwise it never ran to the end (the healer stopped mid-disable, or dry
                // run): nobody re-enabled anything, the failures still count, and the disable is
                // retried once `actionRetrySec` has passed since the attempt.
                if t.disableSucceededAt != nil || !t.enabled {
                    t.failedRuns = 0
                    t.reported = nil
                    decisions.append(Decision(incident: s.nextIncident(at: now), rule: Rule.cronReport,
                                              trigger: "cron job \(job.name) (\(job.id)) was re-enabled after the healer disabled it",
                                              evidence: ["counting failed runs from zero again"]))
                } else {
                    decisions.append(Decision(
                        incident: s.nextIncident(at: now), rule: Rule.cronReport,
                        trigger: "the healer's disable of cron job \(job.name) (\(job.id)) did not take effect",
                        evidence: ["the job is still enabled and the disable never reported success (the healer stopped while it ran, or dry run)",
                                   "\(t.failedRuns) failed runs still count; the disable is retried \(Int(actionRetrySec)) s after the attempt"]))
                }
                t.disableSucceededAt = nil
            }
            t.enabled = job.enabled

            if let auto = job.autoDisabledReason {
                t.autoDisabledReason = auto
                let condition = "auto-disabled:\(auto)"
                if t.reported != condition {
                    t.reported = condition
                    decisions.append(Decision(
                        incident: s.nextIncident(at: now), rule: Rule.cronReport,
                        trigger: "OpenClaw disabled cron job \(job.name) (\(job.id)) itself (\(auto))",
                        evidence: jobEvidence(job) + ["left alone: OpenClaw already handled it"]))
                }
                continue
            }
            t.autoDisabledReason = nil
            if !job.enabled {
                if !t.disabledByUs {
                    let failing = job.lastRunStatus == "error" || (job.consecutiveErrors ?? 0) > 0
                    if failing && t.reported != "disabled-elsewhere" {
                        t.reported = "disabled-elsewhere"
                        decisions.append(Decision(
                            incident: s.nextIncident(at: now), rule: Rule.cronReport,
                            trigger: "failing cron job \(job.name) (\(job.id)) is disabled, not by the healer",
                            evidence: jobEvidence(job) + ["left alone"]))
                    }
                }
                continue
            }

            let newRun = job.lastRunAtMs != nil && job.lastRunAtMs != prevRun
            let status = job.lastRunStatus?.lowercased()
            var failedRunsSeen = 0
            if previous == nil {
                if status == "error" { failedRunsSeen = max(1, job.consecutiveErrors ?? 1) }
            } else if let errors = job.consecutiveErrors, let before = prevErrors, errors < before {
                t.failedRuns = 0 // a success happened in between
                if status == "error" { failedRunsSeen = errors }
            } else if newRun && status == "ok" {
                t.failedRuns = 0
            } else if status == "error" {
                if let errors = job.consecutiveErrors, let before = prevErrors, errors > before {
                    failedRunsSeen = errors - before
                } else if newRun {
                    failedRunsSeen = 1
                }
            }
            // Classified only for a failed run not seen before: a failing job seen again on every
            // tick is not classified again (the classifier is the costliest step per job).
            let classification = failedRunsSeen > 0 ? cronFailureClass(job) : Classification(reason: nil)
            let modelFailure = classification.reason?.isModelFailure == true
            // Classified once above; only the connectivity words are looked at again.
            let connectivity = failedRunsSeen > 0 && (modelFailure || ConnectivityErrors.mentionsConnectivity(job.lastError))
            if modelFailure && failedRunsSeen > 0, let reason = classification.reason {
                cronModelFailure(&s, job: job, track: &t, reason: reason, classification: classification, now: now,
                                 config: config, into: &decisions)
            }
            let counted = connectivity ? 0 : failedRunsSeen
            if t.failedRuns == 0 && counted == 0 && t.reported == "failing" { t.reported = nil }
            guard counted > 0 || (t.failedRuns >= config.autoFix.cronFailThreshold && !t.disabledByUs) else { continue }
            if counted > 0 {
                t.failedRuns += counted
                t.lastFailureAt = now
                t.lastError = job.lastError.map { Redactor.redact($0, maxBytes: 1000) }
            }
            guard t.failedRuns >= config.autoFix.cronFailThreshold else { continue }
            let evidence = jobEvidence(job) + [
                "\(t.failedRuns) distinct failed runs counted (threshold \(config.autoFix.cronFailThreshold))",
            ]
            var lazy = LazyIncident()
            var disabledNow = false
            var refusedWhy: String?
            if config.autoFix.disableFailingCrons {
                let retryDue = t.lastDisableAttemptAt.map { now.timeIntervalSince($0) >= actionRetrySec } ?? true
                if retryDue {
                    let action = HealAction.disableCron(id: job.id, name: job.name)
                    let trigger = "cron job \(job.name) (\(job.id)) failed \(t.failedRuns) runs"
                    if let refusal = ActionGuard.refusal(for: action, context: context) {
                        refusedWhy = refusal
                        decisions.append(Decision(incident: lazy.get(&s, at: now), rule: Rule.cronDisable, trigger: trigger,
                                                  evidence: evidence, action: action, refusal: refusal))
                    } else {
                        disabledNow = true
                        t.disabledByUs = true
                        t.disabledAt = now
                        t.lastDisableAttemptAt = now
                        t.disableSucceededAt = nil
                        decisions.append(Decision(
                            incident: lazy.get(&s, at: now), rule: Rule.cronDisable, trigger: trigger, evidence: evidence,
                            action: action,
                            metric: MetricEvent(event: "cron-disabled", fields: [
                                "cronId": .string(job.id), "cronName": .string(job.name),
                                "consecutiveFailures": .int(t.failedRuns),
                            ])))
                    }
                }
            } else if t.reported != "failing" {
                t.reported = "failing"
                decisions.append(Decision(incident: lazy.get(&s, at: now), rule: Rule.cronAlert,
                                          trigger: "cron job \(job.name) (\(job.id)) failed \(t.failedRuns) runs",
                                          evidence: evidence + ["not disabled: autoFix.disableFailingCrons is off"],
                                          subject: job.id))
            }
            let repo = config.autoFix.issueRepo.trimming(.whitespaces)
            let issueDue = t.lastIssueAt.map { now.timeIntervalSince($0) >= TimeInterval(config.autoFix.issueCooldownSec) } ?? true
            if counted > 0 && !repo.isEmpty && issueDue {
                t.lastIssueAt = now
                // Only a disable decided now may be reported as done; a refused one says why not.
                let outcome: String
                if disabledNow { outcome = " and was disabled by openclaw-self-heal." }
                else if let refusedWhy { outcome = "; openclaw-self-heal did not disable it (refused: \(refusedWhy))." }
                else if config.autoFix.disableFailingCrons { outcome = "; it is still enabled." }
                else { outcome = "." }
                var issue = IssueComposer.issue(
                    repo: repo, title: "[self-heal] cron job \"\(job.name)\" failed \(t.failedRuns) runs in a row",
                    summary: "The OpenClaw cron job **\(job.name)** (`\(job.id)`) failed \(t.failedRuns) distinct runs" + outcome,
                    evidence: evidence, incident: lazy.get(&s, at: now), now: now)
                issue.subject = "cron:\(job.id)"
                decisions.append(Decision(incident: lazy.get(&s, at: now), rule: Rule.cronIssue,
                                          trigger: "cron job \(job.name) (\(job.id)) reached the failure threshold",
                                          evidence: ["issue to \(repo)"], action: .fileIssue(issue)))
            }
        }
        for id in s.crons.keys where !seen.contains(id) { s.crons[id] = nil }
    }

    static func jobEvidence(_ job: CronJobObservation) -> [String] {
        var e = ["job \(job.name) (\(job.id)), enabled: \(job.enabled)"]
        if let at = job.lastRunAtMs {
            e.append("last run \(iso(Date(timeIntervalSince1970: TimeInterval(at) / 1000))): \(job.lastRunStatus ?? "?")")
        }
        if let n = job.consecutiveErrors { e.append("consecutiveErrors: \(n)") }
        if let r = job.lastErrorReason { e.append("lastErrorReason: \(r)") }
        if let err = job.lastError, !err.isEmpty { e.append("lastError: \(err)") }
        if let auto = job.autoDisabledReason { e.append("autoDisabled: \(auto)") }
        return e
    }

    /// The class of a job's last failure: OpenClaw's `lastErrorReason` when it gives one (not
    /// recomputed; the text is read for retry hints only), else the classifier's reading of
    /// `lastError`.
    static func cronFailureClass(_ job: CronJobObservation) -> Classification {
        let text = job.lastError ?? ""
        if let raw = job.lastErrorReason, let given = FailureReason(openClawName: raw) {
            return ErrorClassifier.hints(in: text, reason: given)
        }
        return ErrorClassifier.classify(text, provider: job.model.flatMap { ModelID($0) }?.provider)
    }

    /// A job whose run failed because its model failed: recorded for the job, and the model (its
    /// `payload.model`, or the one `modelOrder` model the error names) goes through the model
    /// rules like any other failure of it.
    ///
    /// With no model to hand it to, a timeout stays what it always was here (connectivity, not
    /// counted, nothing said); any other class is reported once per class, since the job's count
    /// no longer shows it.
    static func cronModelFailure(_ s: inout HealState, job: CronJobObservation, track t: inout CronTrack,
                                 reason: FailureReason, classification: Classification, now: Date, config: HealConfig,
                                 into decisions: inout [Decision]) {
        let failedAt = job.lastRunAtMs.map { Date(timeIntervalSince1970: TimeInterval($0) / 1000) }.map { min($0, now) } ?? now
        let pool = ModelPool(state: s, order: config.modelOrder, now: now)
        let event = FailureEvent(at: failedAt, source: .log, model: job.model.flatMap(pool.resolve), errorText: job.lastError ?? "",
                                 reason: reason)
        let (model, how) = FailureAttribution.blame(event, knownPins: [], pool: pool)
        if model == nil {
            guard reason != .timeout, t.reported != "model-failure:\(reason.rawValue)" else { return }
            t.reported = "model-failure:\(reason.rawValue)"
        }
        let incident = s.nextIncident(at: now)
        decisions.append(Decision(
            incident: incident, rule: Rule.cronModelFailure,
            trigger: "cron job \(job.name) (\(job.id)) failed because its model failed (\(reason.rawValue))",
            evidence: jobEvidence(job) + [
                model.map { "model: \($0) (\(how)); handed to the model rules" } ?? "no model known (\(how)); nothing cooled",
                "not counted against the job", Rule.humanAction(Rule.cronModelFailure),
            ]))
        guard let model else { return }
        recordFailure(&s, model: model, reason: reason, retryAfterSec: classification.waitSeconds(now: failedAt),
                      resetAt: classification.retryAfterSec == nil ? classification.resetAt : nil,
                      failedAt: failedAt, source: "cron", errorText: job.lastError ?? "",
                      evidence: ["source: cron job \(job.name) (\(job.id))", "model: \(model) (\(how))",
                                 "class: \(reason.rawValue)", "error: \(job.lastError ?? "")"],
                      fromProbe: false, now: now, config: config, into: &decisions)
    }
}
