import FoundationEssentials

extension Healer {
    static let maxOwedNotices = 500

    /// Connects the outbox. Messages already owed (saved in the state before a stop) go to it now.
    public func attachNoticeSink(_ sink: any NoticeSink) {
        ensureLoaded()
        noticeSink = sink
        handOverNotices()
        persist()
    }

    /// The notifier's latest figures, for the snapshot.
    public func updateNotifyStatus(targets: [NotifyTargetStatus], heartbeat: HeartbeatStatus?) {
        if notifyTargets != targets { notifyTargets = targets }
        if self.heartbeat != heartbeat { self.heartbeat = heartbeat }
    }

    /// A record in the audit log from the notifier (a message dropped after `notify.maxAgeSec`).
    public func auditNotification(incident: String, rule: String, trigger: String, evidence: [String], outcome: AuditOutcome, detail: String) {
        audit(AuditRecord(time: clock.now(), incident: incident, rule: rule, trigger: trigger, evidence: evidence,
                          action: nil, dryRun: config.dryRun, outcome: outcome, detail: detail))
    }

    /// Incidents open now, oldest first.
    public var openIncidents: [OpenIncident] { state.incidents.open }

    /// After the tick's decisions: let the tracker open, remind and resolve incidents, and audit
    /// each change with the incident id.
    func trackIncidents(_ observation: Observation, records: [DecisionRecord], now: Date) {
        let decisions = records.compactMap { r -> Decision? in
            var d = r.decision
            if r.outcome == .failed { return d.action == nil ? d : nil }  // nothing was disabled
            if r.outcome == .refused, d.refusal == nil { d.refusal = r.detail }
            return d
        }
        let transitions = IncidentTracker.track(&state, observation: observation, decisions: decisions, now: now, config: config)
        for tr in transitions { auditTransition(tr, at: now) }
        // Without an outbox (it could not be set up) the owed messages must not grow the state forever.
        let excess = state.incidents.outgoing.count - Self.maxOwedNotices
        if excess > 0 {
            let dropped = state.incidents.outgoing.prefix(excess)
            state.incidents.outgoing.removeFirst(excess)
            audit(AuditRecord(time: now, incident: "-", rule: "notification", trigger: "too many messages owed to the outbox",
                              evidence: dropped.prefix(5).map { "\($0.id): \($0.title)" }, action: nil, dryRun: config.dryRun,
                              outcome: .notificationDropped, detail: "\(excess) oldest messages dropped (at most \(Self.maxOwedNotices) are kept)"))
        }
    }

    func auditTransition(_ tr: IncidentTransition, at now: Date) {
        let detail = tr.notice.map { "message \($0.id) queued" } ?? tr.quietReason ?? "no message"
        audit(AuditRecord(time: now, incident: tr.incident.id, rule: tr.incident.rule,
                          trigger: "incident \(tr.change.rawValue): \(tr.incident.title)", evidence: tr.incident.evidence,
                          action: nil, dryRun: config.dryRun, outcome: AuditOutcome(tr.change), detail: detail))
    }

    /// Gives the owed messages to the outbox once the state that owes them is saved; those it
    /// holds leave the state (saved with the next save; a crash before it replays them, and the
    /// outbox drops the ids it already has).
    func handOverNotices() {
        guard let sink = noticeSink, !state.incidents.outgoing.isEmpty else { return }
        let taken = sink.accept(state.incidents.outgoing)
        state.incidents.outgoing.removeAll { taken.contains($0.id) }
    }
}
