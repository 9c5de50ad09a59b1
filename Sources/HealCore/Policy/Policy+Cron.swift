import Foundation

extension Policy {
    /// Counts distinct failed runs per job and quarantines a job that reaches `cronFailThreshold`.
    ///
    /// A failed run is counted once: when `lastRunAtMs` moves on with status error, or when
    /// `consecutiveErrors` rises (by as many runs as it rose). Seeing the same failed run on many
    /// ticks counts nothing (the seed counted ticks and disabled a job 3 minutes after one failure).
    /// A job seen for the first time counts its last run only. Failures that are connectivity
    /// (timeouts, refused connections, a closed gateway) are not the job's fault and do not count.
    /// A success, or `consecutiveErrors` going down, starts the count over.
    ///
    /// Jobs OpenClaw already disabled (`autoDisabled`, or disabled by someone other than the
    /// healer) are reported, never touched. A job the healer disabled and someone re-enabled starts
    /// over.
    static func cronRule(_ s: inout HealState, jobs: [CronJobObservation], now: Date, config: HealConfig,
                         context: PolicyContext, into decisions: inout [Decision]) {
        var seen = Set<String>()
        for job in jobs.sorted(by: { $0.id < $1.id }) {
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

            let connectivity = ConnectivityErrors.isConnectivity(text: job.lastError, reason: job.lastErrorReason)
            let newRun = job.lastRunAtMs != nil && job.lastRunAtMs != prevRun
            let status = job.lastRunStatus?.lowercased()
            var counted = 0
            if previous == nil {
                if status == "error" && !connectivity { counted = 1 }
            } else if let errors = job.consecutiveErrors, let before = prevErrors, errors < before {
                t.failedRuns = 0 // a success happened in between
                if status == "error" && !connectivity { counted = errors }
            } else if newRun && status == "ok" {
                t.failedRuns = 0
            } else if status == "error" && !connectivity {
                if let errors = job.consecutiveErrors, let before = prevErrors, errors > before {
                    counted = errors - before
                } else if newRun {
                    counted = 1
                }
            }
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
            if config.autoFix.disableFailingCrons {
                let retryDue = t.lastDisableAttemptAt.map { now.timeIntervalSince($0) >= actionRetrySec } ?? true
                if retryDue {
                    let action = HealAction.disableCron(id: job.id, name: job.name)
                    let trigger = "cron job \(job.name) (\(job.id)) failed \(t.failedRuns) runs"
                    if let refusal = ActionGuard.refusal(for: action, context: context) {
                        decisions.append(Decision(incident: lazy.get(&s, at: now), rule: Rule.cronDisable, trigger: trigger,
                                                  evidence: evidence, action: action, refusal: refusal))
                    } else {
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
            let repo = config.autoFix.issueRepo.trimmingCharacters(in: .whitespaces)
            let issueDue = t.lastIssueAt.map { now.timeIntervalSince($0) >= TimeInterval(config.autoFix.issueCooldownSec) } ?? true
            if counted > 0 && !repo.isEmpty && issueDue {
                t.lastIssueAt = now
                let issue = IssueComposer.issue(
                    repo: repo, title: "[self-heal] cron job \"\(job.name)\" failed \(t.failedRuns) runs in a row",
                    summary: "The OpenClaw cron job **\(job.name)** (`\(job.id)`) failed \(t.failedRuns) distinct runs"
                        + (config.autoFix.disableFailingCrons ? " and was disabled by openclaw-self-heal." : "."),
                    evidence: evidence, incident: lazy.get(&s, at: now), now: now)
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
}
