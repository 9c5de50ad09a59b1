import Foundation

extension Policy {
    /// Whether `id` is the healer itself (the seed's plugin id, this daemon's name, and their
    /// variants such as `openclaw-self-healing-elvatis`).
    public static func isSelf(pluginId id: String) -> Bool {
        let lower = id.lowercased()
        return selfPluginIds.contains(lower) || lower.hasPrefix("openclaw-self-heal")
    }

    /// Disables a plugin whose status is `error` (at most once per `pluginDisableCooldownSec`) and
    /// files an issue (at most once per `issueCooldownSec`). Never the healer's own plugin id. With
    /// `disableFailingPlugins` off, an alert is raised instead, on the same spacing.
    static func pluginRule(_ s: inout HealState, plugins: [PluginObservation], now: Date, config: HealConfig,
                           context: PolicyContext, into decisions: inout [Decision]) {
        var seen = Set<String>()
        for p in plugins.sorted(by: { $0.id < $1.id }) {
            seen.insert(p.id)
            var t = s.plugins[p.id] ?? PluginTrack(name: p.name, lastStatus: p.status)
            t.name = p.name
            t.lastStatus = p.status
            t.lastError = p.error.map { Redactor.redact($0, maxBytes: 1000) }
            defer { s.plugins[p.id] = t }
            if t.disabledByUs && p.enabled && p.status == "loaded" {
                t.disabledByUs = false // someone turned it back on and it loads: their call
            }
            guard p.status == "error" else { continue }
            let evidence = ["plugin \(p.name) (\(p.id)), enabled: \(p.enabled), status: error"]
                + (p.error.map { ["error: \($0)"] } ?? [])
            var incident = LazyIncident()
            if isSelf(pluginId: p.id) {
                let alertDue = t.lastAlertAt.map { now.timeIntervalSince($0) >= TimeInterval(config.autoFix.pluginDisableCooldownSec) } ?? true
                if alertDue {
                    t.lastAlertAt = now
                    decisions.append(Decision(incident: incident.get(&s, at: now), rule: Rule.pluginAlert,
                                              trigger: "the healer's own plugin \(p.id) reports an error",
                                              evidence: evidence + ["never disabled by the healer itself"], subject: p.id))
                }
                continue
            }
            let spacing = TimeInterval(config.autoFix.pluginDisableCooldownSec)
            let last = config.autoFix.disableFailingPlugins ? t.lastDisableAt : t.lastAlertAt
            guard p.enabled, last.map({ now.timeIntervalSince($0) >= spacing }) ?? true else { continue }
            let id = incident.get(&s, at: now)
            let trigger = "plugin \(p.name) (\(p.id)) failed to load"
            if config.autoFix.disableFailingPlugins {
                let action = HealAction.disablePlugin(id: p.id)
                if let refusal = ActionGuard.refusal(for: action, context: context) {
                    decisions.append(Decision(incident: id, rule: Rule.pluginDisable, trigger: trigger,
                                              evidence: evidence, action: action, refusal: refusal))
                    continue // no issue until the disable can run
                }
                t.lastDisableAt = now
                t.disabledByUs = true
                decisions.append(Decision(
                    incident: id, rule: Rule.pluginDisable, trigger: trigger,
                    evidence: evidence + ["takes effect at the gateway's next start"], action: action,
                    metric: MetricEvent(event: "plugin-disabled", fields: ["pluginId": .string(p.id)])))
            } else {
                t.lastAlertAt = now
                decisions.append(Decision(incident: id, rule: Rule.pluginAlert, trigger: trigger,
                                          evidence: evidence + ["not disabled: autoFix.disableFailingPlugins is off"],
                                          subject: p.id))
            }
            let repo = config.autoFix.issueRepo.trimmingCharacters(in: .whitespaces)
            let issueDue = t.lastIssueAt.map { now.timeIntervalSince($0) >= TimeInterval(config.autoFix.issueCooldownSec) } ?? true
            if !repo.isEmpty && issueDue {
                t.lastIssueAt = now
                let issue = IssueComposer.issue(
                    repo: repo, title: "[self-heal] plugin \"\(p.id)\" fails to load",
                    summary: "The OpenClaw plugin **\(p.name)** (`\(p.id)`) reports status `error`"
                        + (config.autoFix.disableFailingPlugins ? " and was disabled by openclaw-self-heal." : "."),
                    evidence: evidence, incident: id, now: now)
                decisions.append(Decision(incident: id, rule: Rule.pluginIssue, trigger: trigger,
                                          evidence: ["issue to \(repo)"], action: .fileIssue(issue)))
            }
        }
        for id in s.plugins.keys where !seen.contains(id) { s.plugins[id] = nil }
    }
}
