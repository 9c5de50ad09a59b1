import FoundationEssentials
import HealCore

/// The status page at `GET /` and `/ui`: one self-contained HTML document rendered on the server
/// from the status snapshot, with no script at all (a meta refresh reloads it), one inline style
/// sheet allowed by its hash, and every text from the outside world redacted and escaped.
///
/// Sections for the snapshot's known parts are written out below; any other top-level part of the
/// snapshot's JSON (added by later versions, e.g. incidents) is shown by a generic section, so
/// the page shows what the snapshot has.
enum StatusPage {
    static let refreshSeconds = 5
    static let decisionCount = 12

    /// Keys of the snapshot's JSON that have their own section (or are shown in the header).
    static let knownKeys: Set<String> = [
        "health", "activeModel", "models", "whatsapp", "cron", "config", "generatedAt", "plugins", "gateway",
        "restartBudget", "sessionsRepinned", "probes", "lastTick", "faults", "counters", "version", "pid",
        "uptimeSec", "startedAt", "incidents", "maintenance",
    ]

    /// Titles for parts of the snapshot that have no section of their own yet.
    static let genericTitles: [String: String] = ["disruptive": "Disruptive actions", "notify": "Notifications"]

    static func render(_ s: StatusSnapshot, json: [String: JSON5Value], decisions: [AuditRecord]) -> String {
        var page = HTMLWriter()
        page.raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        page.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        page.raw("<meta http-equiv=\"refresh\" content=\"\(refreshSeconds)\">")
        page.raw("<meta name=\"referrer\" content=\"no-referrer\">")
        page.raw("<title>openclaw-self-heal: \(HTMLText.escape(s.health.rawValue))</title>")
        page.raw("<style>\(StatusPageStyle.css)</style></head><body>")
        header(&page, s)
        incidents(&page, s)
        models(&page, s)
        sessions(&page, s)
        gateway(&page, s)
        cronAndPlugins(&page, s)
        budgets(&page, s)
        faults(&page, s)
        for key in json.keys.filter({ !knownKeys.contains($0) }).sorted() {
            GenericSection.render(&page, title: genericTitles[key] ?? key, value: json[key] ?? .null)
        }
        self.decisions(&page, decisions)
        page.raw("<footer>refreshes every \(refreshSeconds) s · <a href=\"/status?pretty\">/status</a> · ")
        page.raw("<a href=\"/metrics\">/metrics</a> · <a href=\"/events\">/events</a></footer></body></html>\n")
        return page.html
    }

    private static func header(_ page: inout HTMLWriter, _ s: StatusSnapshot) {
        page.raw("<header><h1>openclaw-self-heal</h1>")
        page.raw("<p class=\"health \(cssClass(health: s.health))\" id=\"health\">\(HTMLText.escape(s.health.rawValue))</p>")
        var facts = ["version \(s.version)", "pid \(s.pid)", "up \(StatusSummary.duration(s.uptimeSec))"]
        if let tick = s.lastTick {
            facts.append("last tick \(StatusSummary.clock(Int(tick.at))) (\(tick.durationMs) ms)")
        } else {
            facts.append("no tick yet")
        }
        page.raw("<p class=\"facts\">\(HTMLText.escape(facts.joined(separator: " · ")))</p>")
        if s.config.dryRun { page.raw("<p class=\"warn\">DRY RUN: actions are recorded, none is run</p>") }
        if let m = s.maintenance {
            let reason = m.reason.isEmpty ? "" : " (\(m.reason))"
            page.raw("<p class=\"warn\" id=\"maintenance\">MAINTENANCE until \(HTMLText.escape(StatusSummary.clock(m.until))): ")
            page.raw("no disruptive action, no message\(HTMLText.outside(reason))</p>")
        }
        page.raw("</header>")
    }

    /// What needs a human, first: each open incident with its severity, since when, and whether
    /// its message went out (or which gateway incident it is folded into).
    private static func incidents(_ page: inout HTMLWriter, _ s: StatusSnapshot) {
        let open = s.incidents ?? []
        page.section("Open incidents (\(open.count))", id: "incidents")
        if open.isEmpty {
            page.raw("<p class=\"quiet\">none</p>")
        } else {
            page.table(["incident", "severity", "since", "told"], rows: open.map { incident in
                let told = incident.foldedInto.map { "folded into \($0)" }
                    ?? (incident.notified ? "yes" + (incident.reminders > 0 ? ", \(incident.reminders) reminder(s)" : "") : "not yet")
                return [incident.title + " · " + incident.id, incident.severity, StatusSummary.clock(incident.startedAt), told]
            }, rowClass: { open[$0].severity == "critical" ? "cooling" : nil })
        }
        page.end()
    }

    private static func models(_ page: inout HTMLWriter, _ s: StatusSnapshot) {
        page.section("Models", id: "models")
        page.raw("<p>active: <b id=\"active-model\">\(HTMLText.outside(s.activeModel))</b></p>")
        page.table(["model", "state", "time left", "reason", "strikes"], rows: s.models.map { model in
            let cooling = model.status == .cooldown
            return [model.id + (model.active ? " (active)" : ""),
                    cooling ? "cooling" : "available",
                    cooling ? StatusSummary.duration(model.cooldownRemainingSec) : "",
                    model.reason ?? "", "\(model.strikes)"]
        }, rowClass: { s.models[$0].status == .cooldown ? "cooling" : nil })
        page.end()
    }

    private static func sessions(_ page: inout HTMLWriter, _ s: StatusSnapshot) {
        page.section("Repinned sessions (\(s.sessionsRepinned.count))", id: "sessions")
        if s.sessionsRepinned.sessions.isEmpty {
            page.raw("<p class=\"quiet\">none</p>")
        } else {
            page.table(["session", "pinned to", "moved to", "since", "good probes"],
                       rows: s.sessionsRepinned.sessions.map {
                           [$0.key, $0.original, $0.repinnedTo, StatusSummary.clock($0.at), "\($0.originalGoodProbes)/2"]
                       })
        }
        page.end()
    }

    private static func gateway(_ page: inout HTMLWriter, _ s: StatusSnapshot) {
        page.section("Gateway and WhatsApp", id: "gateway")
        let reachable: String
        switch s.gateway.reachable {
        case true?: reachable = s.gateway.ready == false ? "reachable, not ready" : "reachable"
        case false?: reachable = "unreachable"
        case nil: reachable = "unknown"
        }
        var rows = [["gateway", reachable, s.gateway.detail]]
        if s.gateway.downStreak > 0 { rows[0][2] += " (down \(s.gateway.downStreak) tick(s))" }
        var whatsapp = s.whatsapp.detail
        if s.whatsapp.disconnectStreak > 0 { whatsapp += " (disconnected \(s.whatsapp.disconnectStreak) tick(s))" }
        rows.append(["WhatsApp", s.whatsapp.status, whatsapp])
        page.table(["part", "state", "detail"], rows: rows)
        page.end()
    }

    private static func cronAndPlugins(_ page: inout HTMLWriter, _ s: StatusSnapshot) {
        page.section("Cron and plugins", id: "cron")
        page.raw("<p>cron: \(s.cron.trackedJobs) tracked, \(s.cron.failingJobs.count) failing</p>")
        if !s.cron.failingJobs.isEmpty {
            page.table(["job", "failed runs", "state", "last error"], rows: s.cron.failingJobs.map { job in
                let state = job.disabledByHealer ? "disabled by the healer"
                    : job.autoDisabledReason.map { "auto-disabled: " + $0 } ?? "enabled"
                return ["\(job.name) (\(job.id))", "\(job.failedRuns)", state, job.lastError ?? ""]
            })
        }
        var plugins = "plugins: \(s.plugins.tracked) tracked"
        if !s.plugins.errored.isEmpty { plugins += "; in error: " + s.plugins.errored.joined(separator: ", ") }
        if !s.plugins.disabledByHealer.isEmpty {
            plugins += "; disabled by the healer: " + s.plugins.disabledByHealer.joined(separator: ", ")
        }
        page.raw("<p>\(HTMLText.outside(plugins))</p>")
        page.end()
    }

    private static func budgets(_ page: inout HTMLWriter, _ s: StatusSnapshot) {
        page.section("Budgets", id: "budgets")
        let b = s.restartBudget
        var restarts = "\(b.remaining) of \(b.max) left in \(StatusSummary.duration(b.windowSec))"
        if b.paused {
            restarts += "; PAUSED" + (b.pauseReason.map { " (\($0))" } ?? "")
            if let until = b.pausedUntil { restarts += " until " + StatusSummary.clock(until) }
        }
        if let last = b.lastRestartAt { restarts += "; last " + StatusSummary.clock(last) }
        let p = s.probes
        let probes = p.enabled ? "\(p.remaining) of \(p.budgetPerHour) left this hour (every \(StatusSummary.duration(p.intervalSec)) per model)" : "off"
        page.table(["budget", "state"], rows: [["gateway restarts", restarts], ["probes", probes]],
                   rowClass: { $0 == 0 && b.paused ? "cooling" : nil })
        page.end()
    }

    private static func faults(_ page: inout HTMLWriter, _ s: StatusSnapshot) {
        guard !s.faults.isEmpty else { return }
        page.section("Faults", id: "faults")
        page.table(["source", "problem"], rows: s.faults.sorted { $0.key < $1.key }.map { [$0.key, $0.value] })
        page.end()
    }

    private static func decisions(_ page: inout HTMLWriter, _ records: [AuditRecord]) {
        page.section("Last decisions", id: "decisions")
        if records.isEmpty { page.raw("<p class=\"quiet\">none yet</p>") }
        page.raw("<ol class=\"decisions\">")
        for record in records.reversed() {
            let r = record.redacted()
            var head = StatusSummary.clock(Int(r.time.timeIntervalSince1970)) + " · " + r.rule
            if let action = r.action { head += " · " + action.kind }
            head += " · " + r.outcome.rawValue + (r.dryRun ? " (dry run)" : "")
            page.raw("<li><p class=\"decision\">\(HTMLText.outside(head))</p>")
            if let action = r.action { page.raw("<p>\(HTMLText.outside(action.summary))</p>") }
            if !r.trigger.isEmpty { page.raw("<p class=\"quiet\">trigger: \(HTMLText.outside(r.trigger))</p>") }
            if !r.evidence.isEmpty {
                page.raw("<ul class=\"evidence\">")
                for line in r.evidence.prefix(8) { page.raw("<li>\(HTMLText.outside(line, maxBytes: 400))</li>") }
                page.raw("</ul>")
            }
            page.raw("</li>")
        }
        page.raw("</ol>")
        page.end()
    }

    static func cssClass(health: Health) -> String {
        switch health {
        case .healthy: return "good"
        case .healing: return "busy"
        case .degraded: return "bad"
        }
    }
}
