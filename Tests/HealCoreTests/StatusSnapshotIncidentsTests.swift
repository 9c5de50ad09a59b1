import Foundation
import Testing
@testable import HealCore

/// Maintenance, incidents and notification figures in the snapshot and the metrics.
struct StatusSnapshotIncidentsTests {
    func snapshot() -> StatusSnapshot {
        var s = HealState()
        s.maintenance = MaintenanceState(id: "inc-9-1", since: t0, until: at(3600), reason: "upgrade")
        _ = IncidentTracker.track(&s, observation: observe(at: at(10), whatsapp: .value(.loggedOut)),
                                  decisions: [Decision(incident: "inc-9-2", rule: Rule.whatsappAlert, trigger: "WhatsApp logged-out")],
                                  now: at(10), config: makeConfig())
        var snap = StatusBuilder.build(state: s, config: makeConfig(), inputs: StatusInputs(now: at(10), version: "1", pid: 1, startedAt: t0))
        snap.addIncidents(state: s, now: at(10),
                          targets: [NotifyTargetStatus(name: "hook", kind: "webhook", minSeverity: "warning", queued: 2, delivered: 5,
                                                       failed: 1, dropped: 0, lastError: "HTTP 503", lastSuccessAt: 1_760_000_000)],
                          heartbeat: HeartbeatStatus(enabled: true, intervalSec: 300, sent: 4))
        return snap
    }

    @Test func theSnapshotShowsThePauseTheOpenIncidentsAndEachTarget() throws {
        let snap = snapshot()
        #expect(snap.maintenance == .init(id: "inc-9-1", since: 1_760_000_000, until: 1_760_003_600, remainingSec: 3590, reason: "upgrade"))
        #expect(snap.incidents?.map(\.id) == ["inc-9-2"])
        #expect(snap.incidents?.first?.notified == false, "held by the maintenance")
        #expect(snap.notify?.targets.first?.queued == 2)
        let json = String(decoding: try snap.jsonData(pretty: false), as: UTF8.self)
        #expect(json.contains(#""maintenance":{"id":"inc-9-1","reason":"upgrade","remainingSec":3590,"since":1760000000,"until":1760003600}"#))
    }

    @Test func theMetricsCarryMaintenanceIncidentsAndDeliveries() {
        let text = PrometheusRenderer.render(snapshot())
        for line in ["openclaw_self_heal_maintenance 1", "openclaw_self_heal_maintenance_remaining_seconds 3590",
                     #"openclaw_self_heal_incidents_open{severity="critical"} 1"#, #"openclaw_self_heal_incidents_open{severity="warning"} 0"#,
                     "openclaw_self_heal_incidents_opened_total 1",
                     #"openclaw_self_heal_notify_queued{target="hook",kind="webhook"} 2"#,
                     #"openclaw_self_heal_notify_delivered_total{target="hook",kind="webhook"} 5"#,
                     #"openclaw_self_heal_notify_failed_total{target="hook",kind="webhook"} 1"#,
                     #"openclaw_self_heal_notify_last_success_timestamp_seconds{target="hook",kind="webhook"} 1760000000"#,
                     "openclaw_self_heal_heartbeat_sent_total 4"] {
            #expect(text.contains(line + "\n"), "\(line)")
        }
    }
}
