import Foundation
import Testing

/// The shipped system unit (`deploy/openclaw-self-heal.service`, `.socket`) under a real systemd.
@Suite(.serialized)
struct SystemUnitTests {
    let fixture: SystemUnitFixture
    init() throws { fixture = try SystemUnitFixture() }

    @Test func startReachesActiveThroughReadyWithStatusTextOnAFreshAccount() throws {
        try SystemdNamespace.with(fixture.prepare) { ns in
            try fixture.install(ns)
            // The account has no ~/.openclaw: the config's default state directory cannot be made
            // under ProtectHome=read-only, so the healer keeps its files in StateDirectory=.
            #expect(try ns.exec(["test", "-e", "/home/openclaw/.openclaw"]).status != 0)
            try ns.systemctl(["start", SystemUnitFixture.service])
            let shown = try ns.show(SystemUnitFixture.service, ["ActiveState", "SubState", "StatusText", "Type", "MainPID"])
            #expect(shown["ActiveState"] == "active", "\(shown)\n\(ns.serviceLog())")
            #expect(shown["SubState"] == "running")
            #expect(shown["Type"] == "notify")
            #expect(!(shown["StatusText"] ?? "").isEmpty, "no STATUS= reached systemd: \(shown)")
            #expect(ns.journal(SystemUnitFixture.service).contains("(READY=1"), "systemd logged no READY=1 notification")
            #expect(fixture.health() == 200)
            let token = try ns.exec(["stat", "-c", "%a %U", SystemUnitFixture.stateDirectory + "/self-heal.token"])
            #expect(token.output.trimmingCharacters(in: .whitespacesAndNewlines) == "600 openclaw", "\(token)")
            #expect(ns.serviceLog().contains("StateDirectory"), "\(ns.serviceLog())")
        }
    }
}
