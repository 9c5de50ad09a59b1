import FoundationEssentials

extension Healer {
    /// Starts (or changes) a pause of `seconds` (clamped to 1 s ... 7 days). A new pause sends
    /// "maintenance started"; changing a running one only moves its end.
    public func pause(seconds: Int, reason: String) async -> MaintenanceState {
        ensureLoaded()
        let now = clock.now()
        let length = min(max(seconds, 1), MaintenanceState.maxSec)
        let until = now.addingTimeInterval(TimeInterval(length))
        let why = Redactor.redact(reason, maxBytes: 300)
        if var m = state.maintenance, m.isActive(at: now) {
            m.until = until
            if !why.isEmpty { m.reason = why }
            state.maintenance = m
            audit(AuditRecord(time: now, incident: m.id, rule: Rule.maintenance, trigger: "maintenance changed",
                              evidence: ["until \(Timestamps.isoSeconds(until))", "reason: \(m.reason)"], action: nil,
                              dryRun: config.dryRun, outcome: .maintenanceChanged, detail: "no message: the pause was already announced"))
            persist()
            writeStatusFile()
            return m
        }
        let m = MaintenanceState(id: state.nextIncident(at: now), since: now, until: until, reason: why)
        state.maintenance = m
        let notice = IncidentNotice(
            id: "\(m.id)/started", incident: m.id, event: .maintenanceStarted, severity: .warning, rule: Rule.maintenance,
            title: "Maintenance: the healer is paused until \(Timestamps.clock(until))Z",
            summary: "The healer keeps watching but takes no disruptive action and sends no other message until \(Timestamps.isoSeconds(until)) or openclaw-self-heal resume."
                + (why.isEmpty ? "" : " Reason: \(why)."),
            evidence: ["paused for \(length) s"] + (why.isEmpty ? [] : ["reason: \(why)"]),
            startedAt: now, dryRun: config.dryRun, createdAt: now)
        await announce(notice, trigger: "maintenance started", outcome: .maintenanceStarted,
                       detail: "until \(Timestamps.isoSeconds(until)); message \(notice.id) queued", now: now)
        return m
    }

    /// Ends the pause now; nil when none was running.
    public func resume() async -> MaintenanceState? {
        ensureLoaded()
        let now = clock.now()
        guard let m = state.maintenance, m.isActive(at: now) else { return nil }
        await endMaintenance(m, now: now, why: "resumed by the owner")
        return m
    }

    /// The running pause, if any.
    public var maintenance: MaintenanceState? {
        state.maintenance.flatMap { $0.isActive(at: clock.now()) ? $0 : nil }
    }

    func endMaintenanceIfDue(now: Date) async {
        guard let m = state.maintenance, !m.isActive(at: now) else { return }
        await endMaintenance(m, now: now, why: "the pause expired")
    }

    private func endMaintenance(_ m: MaintenanceState, now: Date, why: String) async {
        state.maintenance = nil
        let notice = IncidentNotice(
            id: "\(m.id)/ended", incident: m.id, event: .maintenanceEnded, severity: .warning, rule: Rule.maintenance,
            title: "Maintenance ended: the healer acts again",
            summary: "Maintenance ended (\(why)) after \(Int(now.timeIntervalSince(m.since) / 60)) min; the healer heals and notifies again.",
            evidence: ["started \(Timestamps.isoSeconds(m.since))", why] + (m.reason.isEmpty ? [] : ["reason: \(m.reason)"]),
            startedAt: m.since, resolvedAt: now, dryRun: config.dryRun, createdAt: now)
        await announce(notice, trigger: "maintenance ended", outcome: .maintenanceEnded,
                       detail: "message \(notice.id) queued", now: now)
    }

    /// A pause's start or end: its message queued and audited, the state saved before the message
    /// is handed to delivery.
    private func announce(_ notice: IncidentNotice, trigger: String, outcome: AuditOutcome, detail: String, now: Date) async {
        state.incidents.outgoing.append(notice)
        audit(AuditRecord(time: now, incident: notice.incident, rule: Rule.maintenance, trigger: trigger,
                          evidence: notice.evidence, action: nil, dryRun: config.dryRun, outcome: outcome,
                          detail: detail))
        if await persistDurably() { handOverNotices() }
        writeStatusFile()
    }
}
