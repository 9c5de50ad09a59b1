import Foundation
import Testing
import TestSupport

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

    @Test func shippedHardeningStaysOnWhileItRuns() throws {
        try SystemdNamespace.with(fixture.prepare) { ns in
            try fixture.install(ns)
            try ns.systemctl(["start", SystemUnitFixture.service])
            // The only drop-in sends the output to a file.
            let dropIns = try ns.property(SystemUnitFixture.service, "DropInPaths")
            #expect(dropIns == "/etc/systemd/system/openclaw-self-heal.service.d/log.conf")
            let expected: [String: String] = [
                "NoNewPrivileges": "yes", "ProtectSystem": "strict", "ProtectHome": "read-only",
                "PrivateDevices": "yes", "PrivateMounts": "yes", "ProtectKernelTunables": "yes",
                "ProtectKernelModules": "yes", "ProtectKernelLogs": "yes", "ProtectControlGroups": "yes",
                "ProtectClock": "yes", "ProtectHostname": "yes", "ProtectProc": "invisible",
                "RestrictSUIDSGID": "yes", "RestrictRealtime": "yes", "LockPersonality": "yes",
                "CapabilityBoundingSet": "", "AmbientCapabilities": "", "UMask": "0077",
                "User": "openclaw", "WatchdogUSec": "30s", "NotifyAccess": "main",
                "RestrictAddressFamilies": "AF_INET AF_INET6 AF_NETLINK AF_UNIX",
                "SystemCallArchitectures": "native", "SystemCallErrorNumber": "1",  // EPERM
            ]
            let shown = try ns.show(SystemUnitFixture.service, Array(expected.keys) + ["MainPID", "SystemCallFilter"])
            for (key, value) in expected { #expect(shown[key] == value, "\(key)=\(shown[key] ?? "missing")") }
            #expect((shown["SystemCallFilter"] ?? "").contains("epoll_wait"), "no @system-service filter")
            // And what the kernel says about the running process.
            let pid = try #require(shown["MainPID"].flatMap(Int.init))
            let status = try ns.read("/proc/\(pid)/status")
            #expect(status.contains("NoNewPrivs:\t1"), "\(status)")
            #expect(status.contains("Seccomp:\t2"), "\(status)")
            #expect(status.contains("CapBnd:\t0000000000000000"), "\(status)")
            #expect(status.contains("CapEff:\t0000000000000000"), "\(status)")
            let mounts = try ns.read("/proc/\(pid)/mountinfo")
            let usr = mounts.split(separator: "\n").first { $0.split(separator: " ")[4] == "/usr" }
            #expect(usr.map { $0.split(separator: " ")[5].hasPrefix("ro") } == true, "/usr is not read-only: \(usr ?? "none")")
            #expect(fixture.health() == 200)
        }
    }

    @Test func reloadGoesThroughReloadingAndReadyAndAppliesAChangedKey() throws {
        try SystemdNamespace.with(fixture.prepare) { ns in
            try fixture.install(ns, config: "cooldownMinutes: 300,")
            try ns.systemctl(["start", SystemUnitFixture.service])
            let pid = try ns.property(SystemUnitFixture.service, "MainPID")
            try ns.write(fixture.config("cooldownMinutes: 42,", in: ns), to: SystemUnitFixture.configPath)
            try ns.systemctl(["reload", SystemUnitFixture.service])
            let applied = eventually(timeout: 10) {
                ((try? httpGet(fixture.url + "/status"))?.body ?? "").contains(#""cooldownMinutes":42"#)
            }
            #expect(applied, "cooldownMinutes did not become 42 after systemctl reload")
            // systemd saw RELOADING=1, then READY=1, from the same process.
            let journal = ns.journal(SystemUnitFixture.service)
            let reloading = journal.range(of: "(RELOADING=1")
            #expect(reloading != nil, "no RELOADING=1 in systemd's log")
            if let reloading {
                #expect(journal[reloading.upperBound...].contains("(READY=1"), "no READY=1 after RELOADING=1")
            }
            #expect(try ns.property(SystemUnitFixture.service, "ActiveState") == "active")
            #expect(try ns.property(SystemUnitFixture.service, "MainPID") == pid, "reload restarted the process")
        }
    }

    @Test func frozenHealerIsKilledByTheWatchdogAndRestarted() throws {
        try SystemdNamespace.with(fixture.prepare) { ns in
            try fixture.install(ns)
            try ns.systemctl(["start", SystemUnitFixture.service])
            let before = try ns.show(SystemUnitFixture.service, ["MainPID", "NRestarts"])
            #expect(before["NRestarts"] == "0")
            let pid = try #require(before["MainPID"])
            // The pid is the namespace's, so the signal is sent from inside.
            try ns.check(ns.exec(["kill", "-STOP", pid]))
            #expect(fixture.health() == nil, "a stopped healer still answered")
            // WatchdogSec=30, then RestartSec=5.
            let restarted = eventually(timeout: 75, interval: 1) {
                let now = (try? ns.show(SystemUnitFixture.service, ["MainPID", "NRestarts", "ActiveState"])) ?? [:]
                return now["NRestarts"] == "1" && now["ActiveState"] == "active" && now["MainPID"] != pid
            }
            #expect(restarted, "\((try? ns.show(SystemUnitFixture.service, ["MainPID", "NRestarts", "ActiveState", "Result"])) ?? [:])")
            #expect(ns.journal(SystemUnitFixture.service).contains("Watchdog timeout"), "systemd logged no watchdog timeout")
            #expect(eventually(timeout: 10) { fixture.health() == 200 }, "the restarted healer does not answer")
        }
    }

    @Test func stopSavesTheStateAndRecordsTheStop() throws {
        try SystemdNamespace.with(fixture.prepare) { ns in
            try fixture.install(ns)
            try ns.systemctl(["start", SystemUnitFixture.service])
            let state = SystemUnitFixture.stateDirectory + "/self-heal-state.json"
            let audit = SystemUnitFixture.stateDirectory + "/self-heal-audit.jsonl"
            try ns.systemctl(["stop", SystemUnitFixture.service])
            let shown = try ns.show(SystemUnitFixture.service, ["ActiveState", "Result", "ExecMainStatus"])
            #expect(shown["ActiveState"] == "inactive", "\(shown)")
            #expect(shown["Result"] == "success", "\(shown)")
            #expect(shown["ExecMainStatus"] == "0", "\(shown)")
            let saved = try ns.read(state)
            #expect((try? JSONSerialization.jsonObject(with: Data(saved.utf8))) is [String: Any], "state: \(saved)")
            let lastRecord = try ns.read(audit).split(separator: "\n").last.map(String.init) ?? ""
            #expect(lastRecord.contains(#""outcome":"stopped""#), "last audit record: \(lastRecord)")
            #expect(fixture.health() == nil)
        }
    }

    @Test func invalidConfigExits78AndStaysFailedWithoutRestarting() throws {
        try SystemdNamespace.with(fixture.prepare) { ns in
            try fixture.install(ns, config: "cooldownMinutes: 0,")
            let start = try ns.systemctl(["start", SystemUnitFixture.service], check: false)
            #expect(!start.succeeded)
            // Past RestartSec=5: still failed, never restarted.
            usleep(7_000_000)
            let shown = try ns.show(SystemUnitFixture.service, ["ActiveState", "Result", "ExecMainStatus", "NRestarts"])
            #expect(shown["ActiveState"] == "failed", "\(shown)")
            #expect(shown["ExecMainStatus"] == "78", "\(shown)")
            #expect(shown["NRestarts"] == "0", "\(shown)")
            #expect(ns.serviceLog().contains("cooldownMinutes"), "the log does not name the key: \(ns.serviceLog())")
        }
    }

    @Test func socketStartsTheServiceOnTheFirstConnection() throws {
        try SystemdNamespace.with(fixture.prepare) { ns in
            try fixture.install(ns)
            // The shipped socket listens on 9477; here a free port, so a run never collides with
            // another daemon on the machine.
            let port = try FreePort.pick()
            try ns.addDropIn(SystemUnitFixture.socket, "port", "[Socket]\nListenStream=\nListenStream=127.0.0.1:\(port)\n")
            try ns.systemctl(["start", SystemUnitFixture.socket])
            #expect(try ns.property(SystemUnitFixture.service, "ActiveState") == "inactive")
            let answer = try httpGet("http://127.0.0.1:\(port)/health", timeout: 20)
            #expect(answer.status == 200, "\(answer)")
            #expect(try ns.property(SystemUnitFixture.service, "ActiveState") == "active")
            #expect(ns.serviceLog().contains("listening on a socket passed by systemd"), "\(ns.serviceLog())")
            // Its own listen address was not bound: the passed socket replaced it.
            #expect(fixture.health() == nil)
        }
    }
}
