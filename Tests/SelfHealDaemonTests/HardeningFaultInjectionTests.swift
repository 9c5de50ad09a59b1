import Foundation
import Testing
@testable import HealCore
#if canImport(Glibc)
import Glibc
import TestSupport
#endif

/// Faults injected through the OpenClaw test double and the file system while the daemon runs:
/// it keeps serving, shows each fault in `/status` (`faults`), takes no disruptive action while
/// `openclaw.json` is invalid, and recovers by itself once the fault is gone.
@Suite(.serialized)
struct HardeningFaultInjectionTests {
    static var healthyScenario: [String: Any] {
        ["gateway": "up", "whatsapp": "connected", "cron": [Any](), "plugins": [Any](), "sessions": [String: Any]()]
    }

    /// A daemon on a private copy of the test double (so the copy can vanish), ticking every second.
    func startDaemon(extra: String = "", openclaw: String = "", server: String = "", commandTimeoutSec: Int = 2,
                     executable: String? = nil, prefixArguments: [String] = [],
                     scenario: [String: Any] = healthyScenario,
                     openclawJSON: String = "{ gateway: { mode: 'local' } }\n") throws -> (HardeningDaemon, FakeOpenClawScenario, String) {
        var scenarioFiles: FakeOpenClawScenario?
        let daemon = try HardeningDaemon.start(server: server, extra: extra, openclaw: openclaw, intervalSec: 1,
                                               commandTimeoutSec: commandTimeoutSec,
                                               openclawBin: "$DIR/bin/openclaw", executable: executable,
                                               prefixArguments: prefixArguments) { dir in
            try FileManager.default.createDirectory(atPath: dir + "/bin", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: DaemonProcess.fakeOpenClaw, toPath: dir + "/bin/openclaw")
            try openclawJSON.write(toFile: dir + "/openclaw.json", atomically: true, encoding: .utf8)
            let files = FakeOpenClawScenario(directory: dir + "/scenario")
            try files.write(scenario)
            scenarioFiles = files
        }
        return (daemon, scenarioFiles!, daemon.directory + "/bin/openclaw")
    }

    func faults(_ daemon: HardeningDaemon) -> [String: String] {
        ((try? daemon.status())?["faults"] as? [String: String]) ?? [:]
    }

    /// Waits until `condition` holds on the faults map; returns the seconds it took.
    func waitForFaults(_ daemon: HardeningDaemon, timeout: TimeInterval = 20,
                       _ condition: ([String: String]) -> Bool) -> TimeInterval? {
        let start = Date()
        return DaemonProcess.eventually(timeout: timeout) { condition(faults(daemon)) } ? Date().timeIntervalSince(start) : nil
    }

    func fakeProcesses(_ daemon: HardeningDaemon) -> Int {
        HardeningOrphans.pids(withEnvironment: "FAKE_OPENCLAW_DIR=\(daemon.directory)/scenario").count - 1 // minus the daemon
    }

    // MARK: - broken CLI output

    @Test func hangsGarbageHugeOutputAndFailuresAreFaultsThatClear() throws {
        let (daemon, scenario, _) = try startDaemon()
        defer { daemon.stop() }
        #expect(daemon.healthy())
        try daemon.warmUp()
        let baseline = daemon.residentKiB
        try scenario.update {
            $0["faults"] = [
                "cron list": ["hang": true, "withChild": true],
                "plugins list": ["garbage": true],
                "channels status": ["hugeBytes": 64 * 1024 * 1024],
                "gateway call": ["exit": 3],
            ]
        }
        let shown = waitForFaults(daemon) { f in
            ["cron", "plugins", "whatsapp", "sessions"].allSatisfy { f[$0] != nil }
        }
        let during = faults(daemon)
        #expect(shown != nil, "faults shown: \(during)")
        #expect(during["cron"]?.contains("timed out") == true || during["cron"]?.contains("timeout") == true, "\(during)")
        // Several more ticks under the faults: the daemon serves, holds its memory, and leaves no
        // hung child behind (each is killed with its process group at the timeout).
        var peakChildren = 0
        var peakResident = 0
        for _ in 0..<8 {
            usleep(500_000)
            #expect((try? daemon.client.request("GET", "/health"))?.status != nil)
            peakChildren = max(peakChildren, fakeProcesses(daemon))
            peakResident = max(peakResident, daemon.residentKiB)
        }
        // A tick starts about six commands and a hung one lives for the 2 s timeout: a few ticks'
        // worth overlap, more would mean hung children are not being killed.
        #expect(peakChildren <= 30, "hung commands pile up: \(peakChildren) test-double processes")
        #expect(peakResident - baseline < 96 * 1024, "64 MB of output is capped, not buffered: \(baseline) → \(peakResident) KiB")

        try scenario.update { $0["faults"] = nil }
        let cleared = waitForFaults(daemon) { f in ["cron", "plugins", "whatsapp", "sessions"].allSatisfy { f[$0] == nil } }
        #expect(cleared != nil, "faults still shown after they cleared: \(faults(daemon))")
        #expect(daemon.healthy())
        HardeningScale.record("fault-cli-output", [
            "faultsInjected": 4, "secondsToShow": shown ?? -1, "secondsToClear": cleared ?? -1,
            "faultTexts": during, "peakTestDoubleProcesses": peakChildren,
            "rssBeforeKiB": baseline, "rssPeakKiB": peakResident,
        ])
    }

    @Test func aVanishedBinaryIsAFaultUntilItIsBack() throws {
        let (daemon, _, fake) = try startDaemon()
        defer { daemon.stop() }
        #expect(waitForFaults(daemon) { $0["whatsapp"] == nil && $0["cron"] == nil } != nil)
        let hidden = fake + ".gone"
        #expect(rename(fake, hidden) == 0)
        // The first tick may catch the file between exec and the interpreter opening it; the next
        // ones find it missing.
        let shown = waitForFaults(daemon) { f in
            ["whatsapp", "cron", "plugins", "sessions"].allSatisfy { f[$0]?.lowercased().contains("no such file") == true }
        }
        let during = faults(daemon)
        #expect(shown != nil, "\(during)")
        #expect(daemon.healthy(), "a missing CLI is OpenClaw's fault, not the healer's")
        #expect(rename(hidden, fake) == 0)
        let cleared = waitForFaults(daemon) { f in ["whatsapp", "cron", "plugins", "sessions"].allSatisfy { f[$0] == nil } }
        #expect(cleared != nil, "\(faults(daemon))")
        HardeningScale.record("fault-vanished-binary", ["secondsToShow": shown ?? -1, "secondsToClear": cleared ?? -1,
                                                        "faultText": during["cron"] ?? ""])
    }

    // MARK: - the healer's own files

    @Test func anUnwritableStateDirectoryIsReportedAndRecovered() throws {
        let sessions: [String: Any] = [
            "agent:main:s1": ["sessionId": "a", "providerOverride": "openai", "modelOverride": "gpt-5.2", "modelOverrideSource": "user"],
            "agent:main:s2": ["sessionId": "b", "providerOverride": "google", "modelOverride": "gemini-2.5-flash",
                              "modelOverrideSource": "user"],
        ]
        var scenarioJSON = Self.healthyScenario
        scenarioJSON["sessions"] = sessions
        let (daemon, scenario, _) = try startDaemon(scenario: scenarioJSON)
        defer { daemon.stop() }
        #expect(daemon.healthy())
        let stateDir = daemon.directory + "/state"
        guard let readOnly = HardeningReadOnly.make(stateDir) else {
            print("skipped: cannot make \(stateDir) unwritable here (no bind mount, no chattr)")
            return
        }
        var undone = false
        defer { if !undone { readOnly.undo() } }

        let unhealthy = DaemonProcess.eventually(timeout: 10) { (try? daemon.client.request("GET", "/health"))?.status == 503 }
        #expect(unhealthy, "/health still 200 with an unwritable state directory")
        let health = try daemon.client.request("GET", "/health")
        #expect(health.text.contains("not writable") || health.text.contains("saving the state failed"), "\(health.text)")
        // A failure that would repin a session: refused, since the state cannot be saved first.
        let event = Array(#"{"model":"openai/gpt-5.2","error":"429 rate_limit_error","sessionKey":"agent:main:s1"}"#.utf8)
        #expect(try daemon.client.request("POST", "/events", token: daemon.process.token, body: event).status == 202)
        let during = faults(daemon)
        #expect(during["state-file"] != nil, "\(during)")
        usleep(1_500_000)
        #expect(scenario.disruptiveCalls.isEmpty, "acted without a saved state: \(scenario.disruptiveCalls.map(\.argv))")

        readOnly.undo()
        undone = true
        #expect(daemon.healthy(timeout: 10), "did not recover once the directory was writable")
        #expect(waitForFaults(daemon) { $0["state-file"] == nil } != nil, "\(faults(daemon))")
        // The next failure acts again. (The refused repin of s1 itself waits for the repin rule's
        // retry spacing, ten minutes.)
        let next = Array(#"{"model":"google/gemini-2.5-flash","error":"429 rate_limit_error","sessionKey":"agent:main:s2"}"#.utf8)
        #expect(try daemon.client.request("POST", "/events", token: daemon.process.token, body: next).status == 202)
        #expect(DaemonProcess.eventually(timeout: 10) { !scenario.disruptiveCalls.isEmpty }, "no repin after recovery")
        HardeningScale.record("fault-unwritable-state-dir", ["method": readOnly.method, "faultText": during["state-file"] ?? "",
                                                             "healthText": health.text])
    }

    /// Under `ulimit -f` (RLIMIT_FSIZE via prlimit): writes past the limit fail with EFBIG instead
    /// of SIGXFSZ ending the process; the audit log keeps whole records; rotating it clears the fault.
    @Test func aFileSizeLimitIsAFaultNotACrash() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/prlimit") else {
            print("skipped: prlimit is not installed (util-linux)")
            return
        }
        let limit = 48 * 1024
        let (daemon, _, _) = try startDaemon(executable: "/usr/bin/prlimit",
                                             prefixArguments: ["--fsize=\(limit)", DaemonProcess.binary])
        defer { daemon.stop() }
        let status = try String(contentsOfFile: "/proc/\(daemon.pid)/status", encoding: .utf8)
        let ignored = status.split(separator: "\n").first { $0.hasPrefix("SigIgn:") }.flatMap { UInt64($0.split(separator: "\t").last ?? "", radix: 16) } ?? 0
        #expect(ignored & (1 << (UInt64(SIGXFSZ) - 1)) != 0, "SIGXFSZ is not ignored")

        // Forty models failing again and again (1 s retry-after): the audit log grows, the state does not.
        let audit = daemon.directory + "/state/self-heal-audit.jsonl"
        var posted = 0
        let filled = DaemonProcess.eventually(timeout: 60) {
            for _ in 0..<20 {
                let body = Array(#"{"model":"prov/m-\#(posted % 40)","error":"429 rate_limit_error, retry after 1 second"}"#.utf8)
                _ = try? daemon.client.request("POST", "/events", token: daemon.process.token, body: body)
                posted += 1
            }
            return faults(daemon)["audit-file"] != nil
        }
        let during = faults(daemon)
        #expect(filled, "no audit-file fault after \(posted) events: \(during)")
        #expect(during["audit-file"]?.contains("File too large") == true, "\(during)")
        #expect(daemon.process.process.isRunning, "the daemon died at the file-size limit")
        #expect(daemon.healthy(), "the state still saves: /health stays 200")
        // Every line of the capped log is a whole record.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: audit))
        #expect(bytes.count <= limit)
        #expect(bytes.last == 0x0A, "the log ends in a partial record")
        let lines = bytes.split(separator: 0x0A)
        let decoded = lines.filter { (try? AuditLog.decoder().decode(AuditRecord.self, from: Data($0))) != nil }
        #expect(decoded.count == lines.count, "\(lines.count - decoded.count) torn records in the capped audit log")

        // Rotating the log (as logrotate would) clears the fault on the next append.
        #expect(rename(audit, audit + ".1") == 0)
        let cleared = DaemonProcess.eventually(timeout: 20) {
            let body = Array(#"{"model":"prov/m-\#(posted % 40)","error":"429 rate_limit_error, retry after 1 second"}"#.utf8)
            _ = try? daemon.client.request("POST", "/events", token: daemon.process.token, body: body)
            posted += 1
            return faults(daemon)["audit-file"] == nil
        }
        #expect(cleared, "\(faults(daemon))")
        #expect(FileManager.default.fileExists(atPath: audit))
        HardeningScale.record("fault-file-size-limit", ["limitBytes": limit, "eventsPosted": posted,
                                                        "faultText": during["audit-file"] ?? "", "cappedAuditLines": lines.count])
    }

    /// A state that outgrows the file-size limit cannot be saved: /health says so (503) even though
    /// the directory itself takes new files.
    @Test func aStateThatCannotBeSavedMakesHealthFail() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/prlimit") else {
            print("skipped: prlimit is not installed (util-linux)")
            return
        }
        let (daemon, _, _) = try startDaemon(executable: "/usr/bin/prlimit",
                                             prefixArguments: ["--fsize=\(24 * 1024)", DaemonProcess.binary])
        defer { daemon.stop() }
        var posted = 0
        let failed = DaemonProcess.eventually(timeout: 60) {
            for _ in 0..<10 {
                let body = Array(#"{"model":"prov/distinct-\#(posted)","error":"429 rate_limit_error"}"#.utf8)
                _ = try? daemon.client.request("POST", "/events", token: daemon.process.token, body: body)
                posted += 1
            }
            return (try? daemon.client.request("GET", "/health"))?.status == 503
        }
        #expect(failed, "/health stayed 200 while the state could not be saved: \(faults(daemon))")
        let health = try daemon.client.request("GET", "/health")
        #expect(health.text.contains("saving the state failed"), "\(health.text)")
        #expect(faults(daemon)["state-file"]?.contains("File too large") == true)
        #expect(daemon.process.process.isRunning)
        HardeningScale.record("fault-state-too-large", ["eventsPosted": posted, "healthText": health.text])
    }

    // MARK: - openclaw.json turning invalid

    /// Each invalid form in turn (the same daemon), with everything around calling for action.
    static let invalidForms = [
        "{ gateway: { mode: 'local' }",              // truncated mid-edit
        "{ gateway: { port: 0x0x0 } }",             // once crashed Foundation's JSON5 reader
        "{ \"gateway\": { \"mode\": \"local\" } } trailing",
        "",
        "[1, 2, 3]",                                // valid JSON5, not an object
    ]

    @Test func anInvalidOpenClawConfigStopsEveryDisruptiveAction() throws {
        let (daemon, scenario, _) = try startDaemon(
            extra: """
            autoFix: { restartWhatsappOnDisconnect: true, whatsappDisconnectThreshold: 1, disableFailingCrons: true,
                       cronFailThreshold: 1, disableFailingPlugins: true },
            """,
            openclaw: "channelRestartGraceSec: 0")
        defer { daemon.stop() }
        let openclawJSON = daemon.directory + "/openclaw.json"
        #expect(waitForFaults(daemon) { $0["openclaw-config"] == nil } != nil)
        try Self.invalidForms[0].write(toFile: openclawJSON, atomically: true, encoding: .utf8)
        let shown = waitForFaults(daemon) { $0["openclaw-config"]?.hasPrefix("invalid") == true }
        #expect(shown != nil, "\(faults(daemon))")

        // Now everything that would call for action: WhatsApp down, a failing cron job, a broken
        // plugin, a session pinned to a model that fails.
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        try scenario.update {
            $0["whatsapp"] = ["state": "disconnected", "afterRestart": "connected"]
            $0["cron"] = [["id": "c1", "name": "Nightly", "enabled": true,
                           "state": ["lastRunAtMs": now, "lastRunStatus": "error", "consecutiveErrors": 2,
                                     "lastError": "TypeError: x is undefined"]]]
            $0["plugins"] = [["id": "broken-plugin", "name": "Broken", "enabled": true, "status": "error",
                              "error": "Cannot find module 'left-pad'"]]
            $0["sessions"] = ["agent:main:s1": ["sessionId": "a", "providerOverride": "openai", "modelOverride": "gpt-5.2",
                                                "modelOverrideSource": "user"]]
        }
        var texts: [String: String] = [:]
        for form in Self.invalidForms {
            try form.write(toFile: openclawJSON, atomically: true, encoding: .utf8)
            let seen = waitForFaults(daemon, timeout: 10) { f in
                guard let text = f["openclaw-config"], text.hasPrefix("invalid") else { return false }
                return form.isEmpty ? text.contains("empty") : !texts.values.contains(text)
            }
            #expect(seen != nil, "\(form.debugDescription): \(faults(daemon))")
            texts[form] = faults(daemon)["openclaw-config"] ?? ""
        }
        let event = Array(#"{"model":"openai/gpt-5.2","error":"429 rate_limit_error","sessionKey":"agent:main:s1"}"#.utf8)
        #expect(try daemon.client.request("POST", "/events", token: daemon.process.token, body: event).status == 202)
        usleep(1_500_000)
        #expect(daemon.healthy(), "an invalid openclaw.json is OpenClaw's problem; the healer is fine")
        let actedWhileInvalid = scenario.disruptiveCalls
        #expect(actedWhileInvalid.isEmpty, "disruptive calls with an invalid config: \(actedWhileInvalid.map(\.argv))")
        let events = try daemon.client.request("GET", "/events?limit=500")
        let refusals = events.text.components(separatedBy: "\"outcome\":\"refused\"").count - 1
        #expect(refusals > 0 && events.text.contains("config invalid"), "no refused decision in the audit log")

        // Fixed: the healer acts by itself (the refused repin waits for its retry spacing; the
        // restart, the cron and the plugin disable come at the next ticks).
        try "{ gateway: { mode: 'local' } }\n".write(toFile: openclawJSON, atomically: true, encoding: .utf8)
        let kinds = { Set(scenario.disruptiveCalls.map { $0.argv.filter { !$0.hasPrefix("-") }.prefix(2).joined(separator: " ") }) }
        // Issue 12: WhatsApp's first step is the channel's stop/start (`gateway call channels.*`).
        let recovered = DaemonProcess.eventually(timeout: 20) {
            kinds().isSuperset(of: ["gateway call", "cron disable", "plugins disable"])
                && scenario.disruptiveCalls.contains { $0.argv.contains("channels.stop") }
        }
        #expect(recovered, "after the fix only \(kinds()) ran: \(faults(daemon))")
        #expect(waitForFaults(daemon) { $0["openclaw-config"] == nil } != nil)
        HardeningScale.record("fault-invalid-openclaw-json", [
            "forms": Self.invalidForms.count, "faultTexts": texts, "refusedDecisions": refusals,
            "disruptiveCallsWhileInvalid": actedWhileInvalid.count, "actionsAfterFix": kinds().sorted(),
        ])
    }
}
