import Foundation
@testable import HealCore
import Testing
@testable import SelfHealDaemon

/// The systemd `STATUS=` line says when the healer is paused and how many incidents are open.
struct StatusLineTests {
    @Test func maintenanceAndOpenIncidentsShowInTheStatusLine() {
        let now = Date(timeIntervalSince1970: 1_760_000_000)
        var snap = StatusBuilder.build(state: HealState(), config: HealConfig(), inputs: StatusInputs(now: now, version: "1", pid: 1, startedAt: now))
        #expect(!StatusLine.render(snap, lastTick: nil).contains("MAINTENANCE"))
        snap.maintenance = .init(id: "inc-1", since: 1_760_000_000, until: 1_760_007_200, remainingSec: 7200, reason: "")
        snap.incidents = [.init(id: "inc-2", rule: "whatsapp-alert", subject: "", severity: "critical", title: "t",
                                startedAt: 1_760_000_000, notified: true, reminders: 0, foldedInto: nil)]
        let line = StatusLine.render(snap, lastTick: nil)
        #expect(line.contains("; MAINTENANCE until 10:53:20Z; 1 incident open; "), "\(line)")
    }
}
