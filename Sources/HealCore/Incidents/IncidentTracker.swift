import FoundationEssentials

/// Decides, purely, which incidents are open and which messages are owed: after each tick it
/// takes the new state, the tick's decisions and observation and `now`, opens an incident for each
/// condition in `IncidentCatalog` that needs a human, sends a reminder every
/// `notify.repeatIntervalSec` while it stays open, and resolves it once `IncidentClear` sees it
/// fixed. Every message has an id derived from the incident and its step, and the book is saved
/// with the state, so a restart neither repeats nor forgets one.
///
/// While maintenance holds, incidents are still opened and resolved (and audited) but no message
/// goes out: the firing of an incident still open goes out when the hold ends, a resolution of one
/// already announced waits for it. While a gateway incident is open, incidents that depend on the
/// gateway fold into it instead of being sent one by one.
public enum IncidentTracker {
    static let maxEvidence = 20
    /// The gateway incident opens after twice the restart threshold: the healer restarts a gateway
    /// down for `Policy.gatewayDownMinSec`, and an outage its restart fixed needs nobody.
    public static func gatewayDownNotifySec(_ config: HealConfig) -> TimeInterval {
        2 * TimeInterval(config.gateway.downWindowSec)
    }

    public static func track(_ s: inout HealState, observation o: Observation, decisions: [Decision], now: Date,
                             config: HealConfig) -> [IncidentTransition] {
        var t: [IncidentTransition] = []
        let held = MaintenanceGate.hold(maintenance: s.maintenance, gateway: o.gateway, now: now)
        var raisedKeys = Set<String>()

        for r in raised(&s, observation: o, decisions: decisions, now: now, config: config) {
            raisedKeys.insert(IncidentBook.key(rule: r.rule, subject: r.subject))
            open(&s, r, now: now, into: &t)
        }
        resolve(&s, observation: o, now: now, config: config, held: held, skipping: raisedKeys, into: &t)
        fold(&s, into: &t)
        if let held {
            for i in t.indices where t[i].change == .opened && t[i].notice == nil { t[i].quietReason = "held: \(held)" }
            return t
        }
        releaseHeld(&s)
        announce(&s, now: now, config: config, into: &t)
        remind(&s, now: now, config: config, into: &t)
        return t
    }

    static func open(_ s: inout HealState, _ r: Raised, now: Date, into t: inout [IncidentTransition]) {
        guard let kind = IncidentCatalog.kinds[r.rule] else { return }
        let key = IncidentBook.key(rule: r.rule, subject: r.subject)
        let evidence = Array(r.evidence.prefix(maxEvidence)).map { Redactor.redact($0, maxBytes: 500) }
        if let i = s.incidents.open.firstIndex(where: { $0.key == key }) {
            s.incidents.open[i].lastSeenAt = now
            s.incidents.open[i].evidence = evidence
            return
        }
        let id = r.incident ?? s.nextIncident(at: now)
        let incident = OpenIncident(
            id: id, rule: r.rule, subject: r.subject, severity: kind.severity,
            title: kind.title(subject: displayName(r.subject, rule: r.rule, state: s)),
            summary: Redactor.redact("\(r.trigger). \(kind.advice)", maxBytes: 1000), evidence: evidence,
            startedAt: now, lastSeenAt: now, notifiedAt: nil, lastNotifiedAt: nil, reminders: 0, foldedInto: nil, folded: [])
        s.incidents.open.append(incident)
        s.incidents.openedTotal += 1
        t.append(IncidentTransition(change: .opened, incident: incident, notice: nil, quietReason: nil))
    }

    static func resolve(_ s: inout HealState, observation o: Observation, now: Date, config: HealConfig, held: String?,
                        skipping raised: Set<String>, into t: inout [IncidentTransition]) {
        var kept: [OpenIncident] = []
        var resolvedGateways: [String] = []
        for incident in s.incidents.open {
            guard let kind = IncidentCatalog.kinds[incident.rule], !raised.contains(incident.key),
                  kind.clears.isCleared(incident, state: s, observation: o, now: now, config: config) else {
                kept.append(incident); continue
            }
            s.incidents.resolvedTotal += 1
            if kind.isGatewayIncident { resolvedGateways.append(incident.id) }
            var notice: IncidentNotice?
            var quiet: String?
            if incident.notifiedAt == nil { quiet = "never announced" }
            else if !config.notify.sendResolved { quiet = "notify.sendResolved is off" }
            else {
                let n = message(incident, .resolved, id: "\(incident.id)/resolved", now: now, config: config)
                if let held { s.incidents.heldNotices.append(n); quiet = "held until maintenance ends: \(held)" } else {
                    s.incidents.outgoing.append(n); notice = n
                }
            }
            t.append(IncidentTransition(change: .resolved, incident: incident, notice: notice, quietReason: quiet))
        }
        for i in kept.indices where kept[i].foldedInto.map(resolvedGateways.contains) == true {
            kept[i].foldedInto = nil
        }
        s.incidents.open = kept
    }

    /// Dependents not yet announced fold into an open gateway incident.
    static func fold(_ s: inout HealState, into t: inout [IncidentTransition]) {
        guard let g = s.incidents.open.firstIndex(where: { IncidentCatalog.kinds[$0.rule]?.isGatewayIncident == true }) else { return }
        for i in s.incidents.open.indices where i != g {
            let incident = s.incidents.open[i]
            guard incident.notifiedAt == nil, incident.foldedInto == nil,
                  IncidentCatalog.kinds[incident.rule]?.dependsOnGateway == true else { continue }
            s.incidents.open[i].foldedInto = s.incidents.open[g].id
            s.incidents.open[g].folded.append(incident.title)
            t.append(IncidentTransition(change: .folded, incident: s.incidents.open[i], notice: nil,
                                        quietReason: "folded into \(s.incidents.open[g].id)"))
        }
    }

    /// Resolutions held during maintenance go out once it ends.
    static func releaseHeld(_ s: inout HealState) {
        guard !s.incidents.heldNotices.isEmpty else { return }
        s.incidents.outgoing += s.incidents.heldNotices
        s.incidents.heldNotices = []
    }

    /// Firing messages of open incidents not yet announced (new, after maintenance, unfolded).
    static func announce(_ s: inout HealState, now: Date, config: HealConfig, into t: inout [IncidentTransition]) {
        for i in s.incidents.open.indices where s.incidents.open[i].notifiedAt == nil && s.incidents.open[i].foldedInto == nil {
            let incident = s.incidents.open[i]
            let n = message(incident, .opened, id: "\(incident.id)/opened", now: now, config: config)
            s.incidents.open[i].notifiedAt = now
            s.incidents.open[i].lastNotifiedAt = now
            s.incidents.outgoing.append(n)
            let late = now > incident.startedAt
            t.append(IncidentTransition(change: late ? .notified : .opened, incident: s.incidents.open[i], notice: n, quietReason: nil))
            if !late, let last = t.lastIndex(where: { $0.change == .opened && $0.incident.id == incident.id && $0.notice == nil }) {
                t.remove(at: last)  // the opening is reported once, with its message
            }
        }
    }

    static func remind(_ s: inout HealState, now: Date, config: HealConfig, into t: inout [IncidentTransition]) {
        let gatewayOpen = s.incidents.open.contains { IncidentCatalog.kinds[$0.rule]?.isGatewayIncident == true }
        let interval = TimeInterval(config.notify.repeatIntervalSec)
        for i in s.incidents.open.indices {
            let incident = s.incidents.open[i]
            guard let last = incident.lastNotifiedAt, incident.foldedInto == nil, now.timeIntervalSince(last) >= interval else { continue }
            if gatewayOpen, IncidentCatalog.kinds[incident.rule]?.dependsOnGateway == true { continue }
            if IncidentCatalog.kinds[incident.rule]?.reminds == false { continue }
            s.incidents.open[i].reminders += 1
            s.incidents.open[i].lastNotifiedAt = now
            let n = message(s.incidents.open[i], .reminder, id: "\(incident.id)/reminder-\(s.incidents.open[i].reminders)",
                            now: now, config: config)
            s.incidents.outgoing.append(n)
            t.append(IncidentTransition(change: .reminder, incident: s.incidents.open[i], notice: n, quietReason: nil))
        }
    }
}
