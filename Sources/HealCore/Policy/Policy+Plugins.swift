import FoundationEssentials

extension Policy {
    /// Whether `id` is the healer itself (the seed's plugin id, this daemon's name, and their
    /// variants such as `openclaw-self-healing-elvatis`).
    public static func isSelf(pluginId id: String) -> Bool {
        let lower = id.lowercased()
        return selfPluginIds.contains(lower) || lower.hasPrefix("openclaw-self-heal")
    }

    /// Disables a plugin that fails to load (status `error`, or `configured-unavailable` /
    /// `quarantined`: OpenClaw quarantined it at boot) at most once per `pluginDisableCooldownSec`,
    /// and files an issue (at most once per `issueCooldownSec`; a filing that fails gives the
    /// cooldown back). Never the healer's own plugin id, never a bundled plugin (`origin:
    /// "bundled"`) nor a channel's own plugin (`channelIds`): those get an alert instead, since a
    /// disable would outlive the fix (the next update) and take a channel down with it. With
    /// `disableFailingPlugins` off, an alert is raised instead, on the same spacing. A status the
    /// healer does not know is "not loaded, reason unknown": reported once, never acted on.
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
            let health = PluginHealth(status: p.status)
            if health == .unknown {
                if t.reported != "status:\(p.status)" {
                    t.reported = "status:\(p.status)"
                    decisions.append(Decision(
                        incident: s.nextIncident(at: now), rule: Rule.pluginStatusUnknown,
                        trigger: "plugin \(p.name) (\(p.id)) reports status \"\(p.status)\"",
                        evidence: ["read as: not loaded, reason unknown; left alone",
                                   Rule.humanAction(Rule.pluginStatusUnknown)] + (p.error.map { ["error: \($0)"] } ?? [])))
                }
                continue
            }
            t.reported = nil
            guard health == .failing else { continue }
            var evidence = ["plugin \(p.name) (\(p.id)), enabled: \(p.enabled), status: \(p.status)"]
                + (p.error.map { ["error: \($0)"] } ?? [])
            if let origin = p.origin { evidence.append("origin: \(origin)") }
            if !p.channelIds.isEmpty { evidence.append("channels: \(p.channelIds.joined(separator: ", "))") }
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
            if p.origin?.lowercased() == "bundled" || !p.channelIds.isEmpty {
                guard t.lastAlertAt.map({ now.timeIntervalSince($0) >= spacing }) ?? true else { continue }
                t.lastAlertAt = now
                decisions.append(Decision(
                    incident: incident.get(&s, at: now), rule: Rule.pluginProtected,
                    trigger: "plugin \(p.name) (\(p.id)) failed to load; it is " + (p.origin?.lowercased() == "bundled" ? "bundled with OpenClaw" : "a channel's own plugin"),
                    evidence: evidence + ["never disabled by the healer: the setting would outlive the fix", Rule.humanAction(Rule.pluginProtected)]))
                continue
            }
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
            let repo = config.autoFix.issueRepo.trimming(.whitespaces)
            let issueDue = t.lastIssueAt.map { now.timeIntervalSince($0) >= TimeInterval(config.autoFix.issueCooldownSec) } ?? true
            if !repo.isEmpty && issueDue {
                t.lastIssueAt = now
                var issue = IssueComposer.issue(
                    repo: repo, title: "[self-heal] plugin \"\(p.id)\" fails to load",
                    summary: "The OpenClaw plugin **\(p.name)** (`\(p.id)`) reports status `\(p.status)`"
                        + (config.autoFix.disableFailingPlugins ? " and was disabled by openclaw-self-heal." : "."),
                    evidence: evidence, incident: id, now: now)
                issue.subject = "plugin:\(p.id)"
                decisions.append(Decision(incident: id, rule: Rule.pluginIssue, trigger: trigger,
                                          evidence: ["issue to \(repo)"], action: .fileIssue(issue)))
            }
        }
        for id in s.plugins.keys where !seen.contains(id) { s.plugins[id] = nil }
    }
}

/// How a plugin's `status` reads (docs/OPENCLAW.md §3, §13.1).
enum PluginHealth: Equatable {
    case loaded, disabled, failing, unknown

    init(status: String) {
        switch status.lowercased() {
        case "loaded": self = .loaded
        case "disabled": self = .disabled
        // Failed at boot and quarantined by OpenClaw, reported as `configured-unavailable`.
        case "error", "configured-unavailable", "quarantined", "quarantine": self = .failing
        default: self = .unknown
        }
    }
}
