import Foundation
import Testing

/// The user variant under a real `systemd --user`, beside a stand-in `openclaw-gateway.service`.
@Suite(.serialized)
struct UserUnitTests {
    let fixture: UserUnitFixture
    init() throws { fixture = try UserUnitFixture() }

    /// A WhatsApp link that stays down, a gateway without the channel lifecycle RPCs (so the
    /// smallest step, a channel restart, is not there to take and a gateway restart follows), and
    /// a CLI whose `gateway restart` cannot restart the service ("Gateway service disabled."), so
    /// the healer falls back to systemctl --user.
    static let restartScenario = #"""
        {"gateway": "up", "serviceInstalled": false, "channelLifecycle": false,
         "whatsapp": {"state": "disconnected", "afterRestart": "same"}}
        """#

    @Test func fallbackRestartReallyRestartsTheGatewayUnit() throws {
        try SystemdNamespace.with(fixture.prepare) { ns in
            try fixture.install(ns, scenario: #"{"gateway": "up", "whatsapp": "connected"}"#,
                                config: "autoFix: { whatsappDisconnectThreshold: 1, whatsappMinRestartIntervalSec: 60 },")
            let gatewayBefore = try fixture.userProperty(ns, UserUnitFixture.gateway, "MainPID")
            #expect(gatewayBefore != "0")
            try fixture.userctl(ns, ["start", UserUnitFixture.service])
            #expect(try fixture.userProperty(ns, UserUnitFixture.service, "ActiveState") == "active", "\(ns.serviceLog("user-service"))")
            #expect(!(try fixture.userProperty(ns, UserUnitFixture.service, "StatusText")).isEmpty)
            #expect(eventually(timeout: 10) { fixture.health() == 200 })
            // The healer sees the stand-in as a live gateway.
            #expect(eventually(timeout: 10) {
                ((try? httpGet(fixture.url + "/status"))?.body ?? "").contains(#""live":true"#)
            }, "the healer does not see the stand-in gateway")
            // Now WhatsApp drops and the CLI cannot restart the service.
            try ns.write(Self.restartScenario, to: UserUnitFixture.scenarioDirectory + "/scenario.json", owner: SystemdNamespace.user)
            let restarted = eventually(timeout: 30, interval: 0.5) {
                let now = (try? fixture.userProperty(ns, UserUnitFixture.gateway, "MainPID")) ?? "0"
                return now != "0" && now != gatewayBefore
            }
            #expect(restarted, "openclaw-gateway.service kept pid \(gatewayBefore)\n\(ns.serviceLog("user-service"))")
            #expect(try fixture.userProperty(ns, UserUnitFixture.gateway, "ActiveState") == "active")
            // It was the healer's systemctl --user, recorded with its outcome.
            let recorded = eventually(timeout: 10) {
                let audit = (try? ns.read(UserUnitFixture.home + "/.openclaw/workspace/memory/self-heal-audit.jsonl")) ?? ""
                return audit.contains(#"systemctl","--user","restart","openclaw-gateway.service"#) && audit.contains(#""outcome":"executed""#)
            }
            #expect(recorded, "no executed restart with the systemctl fallback in the audit log")
            let journal = ns.journal()
            #expect(journal.contains("Stopping openclaw-gateway.service") || journal.contains("Stopped openclaw-gateway.service"),
                    "the user manager logged no restart of the gateway")
        }
    }

    @Test func reloadAndWatchdogWorkAsInTheSystemUnit() throws {
        try SystemdNamespace.with(fixture.prepare) { ns in
            try fixture.install(ns, scenario: #"{"gateway": "up", "whatsapp": "connected"}"#, config: "cooldownMinutes: 300,")
            try fixture.userctl(ns, ["start", UserUnitFixture.service])
            #expect(try fixture.userProperty(ns, UserUnitFixture.service, "WatchdogUSec") == "30s")
            let pid = try fixture.userProperty(ns, UserUnitFixture.service, "MainPID")
            // Reload: RELOADING=1 then READY=1, the changed key applied, the same process.
            try ns.write(fixture.config("cooldownMinutes: 42,"), to: UserUnitFixture.configPath, owner: SystemdNamespace.user)
            try fixture.userctl(ns, ["reload", UserUnitFixture.service])
            #expect(eventually(timeout: 10) {
                ((try? httpGet(fixture.url + "/status"))?.body ?? "").contains(#""cooldownMinutes":42"#)
            }, "cooldownMinutes did not become 42")
            let journal = ns.journal()
            let reloading = journal.range(of: "openclaw-self-heal.service: Got notification message from PID \(pid) (RELOADING=1")
            #expect(reloading != nil, "the user manager saw no RELOADING=1")
            if let reloading { #expect(journal[reloading.upperBound...].contains("(READY=1"), "no READY=1 after RELOADING=1") }
            #expect(try fixture.userProperty(ns, UserUnitFixture.service, "MainPID") == pid)

            // Watchdog: a stopped healer is killed and started again by the user manager.
            try ns.check(ns.exec(["kill", "-STOP", pid]))
            let restarted = eventually(timeout: 75, interval: 1) {
                let restarts = (try? fixture.userProperty(ns, UserUnitFixture.service, "NRestarts")) ?? ""
                let now = (try? fixture.userProperty(ns, UserUnitFixture.service, "MainPID")) ?? pid
                let state = (try? fixture.userProperty(ns, UserUnitFixture.service, "ActiveState")) ?? ""
                return restarts == "1" && now != pid && now != "0" && state == "active"
            }
            #expect(restarted, "the user manager did not restart the frozen healer")
            #expect(ns.journal().contains("openclaw-self-heal.service: Watchdog timeout"), "no watchdog timeout logged")
            #expect(eventually(timeout: 10) { fixture.health() == 200 })
        }
    }
}
