extension PrometheusRenderer {
    /// Maintenance, incidents and notification delivery.
    static func renderIncidents(_ t: inout PrometheusText, _ s: StatusSnapshot, prefix p: String) {
        t.single(p + "maintenance", .gauge, "1 while the owner's pause runs (no disruptive action, no message but maintenance).",
                 s.maintenance == nil ? 0 : 1)
        t.single(p + "maintenance_remaining_seconds", .gauge, "Seconds left on the owner's pause.",
                 Double(s.maintenance?.remainingSec ?? 0))
        let open = s.incidents ?? []
        t.family(p + "incidents_open", .gauge, "Open incidents that need a human, by severity.",
                 samples: IncidentSeverity.allCases.map { sev in ([("severity", sev.rawValue)], Double(open.filter { $0.severity == sev.rawValue }.count)) })
        t.single(p + "incidents_opened_total", .counter, "Incidents opened.", Double(s.notify?.incidentsOpened ?? 0))
        t.single(p + "incidents_resolved_total", .counter, "Incidents the healer saw fixed.", Double(s.notify?.incidentsResolved ?? 0))
        let targets = s.notify?.targets ?? []
        func perTarget(_ name: String, _ kind: PrometheusText.Kind, _ help: String, _ value: (NotifyTargetStatus) -> Double) {
            t.family(p + name, kind, help, samples: targets.map { ([("target", $0.name), ("kind", $0.kind)], value($0)) })
        }
        perTarget("notify_queued", .gauge, "Messages waiting in the target's outbox.") { Double($0.queued) }
        perTarget("notify_delivered_total", .counter, "Messages the target accepted.") { Double($0.delivered) }
        perTarget("notify_failed_total", .counter, "Failed delivery attempts (each retry counts).") { Double($0.failed) }
        perTarget("notify_dropped_total", .counter, "Messages given up after notify.maxAgeSec.") { Double($0.dropped) }
        perTarget("notify_last_success_timestamp_seconds", .gauge, "Unix time of the last delivery (0: none yet).") { Double($0.lastSuccessAt ?? 0) }
        if let hb = s.notify?.heartbeat, hb.enabled {
            t.single(p + "heartbeat_sent_total", .counter, "Dead-man heartbeats the receiver accepted.", Double(hb.sent))
            t.single(p + "heartbeat_failed_total", .counter, "Dead-man heartbeats that failed.", Double(hb.failed))
            t.single(p + "heartbeat_last_success_timestamp_seconds", .gauge, "Unix time of the last heartbeat accepted.",
                     Double(hb.lastSuccessAt ?? 0))
        }
    }
}
