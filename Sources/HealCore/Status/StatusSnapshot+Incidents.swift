import FoundationEssentials

extension StatusSnapshot {
    /// The owner's pause while it runs.
    public struct MaintenanceStatus: Sendable, Equatable, Codable {
        public var id: String
        /// Unix seconds.
        public var since: Int
        public var until: Int
        public var remainingSec: Int
        public var reason: String
    }

    /// An open incident.
    public struct IncidentStatus: Sendable, Equatable, Codable {
        public var id: String
        public var rule: String
        public var subject: String
        public var severity: String
        public var title: String
        /// Unix seconds.
        public var startedAt: Int
        public var notified: Bool
        public var reminders: Int
        public var foldedInto: String?
    }

    /// Notifications: per target figures, the heartbeat, messages not yet in the outbox.
    public struct NotifyStatus: Sendable, Equatable, Codable {
        public var targets: [NotifyTargetStatus]
        public var heartbeat: HeartbeatStatus?
        /// Decided but not yet taken by the outbox.
        public var owed: Int
        public var incidentsOpened: Int
        public var incidentsResolved: Int
    }

    /// Fills the incident, maintenance and notification parts from the state.
    mutating func addIncidents(state s: HealState, now: Date, targets: [NotifyTargetStatus], heartbeat: HeartbeatStatus?) {
        func unix(_ d: Date) -> Int { Int(d.timeIntervalSince1970.rounded(.down)) }
        if let m = s.maintenance, m.isActive(at: now) {
            maintenance = MaintenanceStatus(id: m.id, since: unix(m.since), until: unix(m.until),
                                            remainingSec: max(0, Int(m.until.timeIntervalSince(now).rounded(.up))), reason: m.reason)
        }
        incidents = s.incidents.open.map {
            IncidentStatus(id: $0.id, rule: $0.rule, subject: $0.subject, severity: $0.severity.rawValue, title: $0.title,
                           startedAt: unix($0.startedAt), notified: $0.notifiedAt != nil, reminders: $0.reminders,
                           foldedInto: $0.foldedInto)
        }
        notify = NotifyStatus(targets: targets, heartbeat: heartbeat, owed: s.incidents.outgoing.count,
                              incidentsOpened: s.incidents.openedTotal, incidentsResolved: s.incidents.resolvedTotal)
    }
}
