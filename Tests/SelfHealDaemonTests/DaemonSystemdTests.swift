import Foundation
import OpenClawKit
import Testing
@testable import SelfHealDaemon
#if canImport(Glibc)
import Glibc
import TestSupport
#endif

/// The built binary under the systemd notify protocol (a datagram socket of ours as
/// NOTIFY_SOCKET), its watchdog gating, and real socket activation.
@Suite(.serialized)
struct DaemonSystemdTests {
    @Test func notifySequenceAcrossStartReloadAndStop() throws {
        let listener = try NotifySocketListener()
        defer { listener.close() }
        let daemon = try DaemonProcess(
            config: TestConfig.json5(),
            arguments: ["--openclaw-bin", "/nonexistent/openclaw"],
            environment: ["NOTIFY_SOCKET": listener.path, "WATCHDOG_USEC": "2000000"])
        try daemon.start()
        let address = try daemon.waitForListening()
        let client = try daemon.client(address)
        #expect(DaemonProcess.eventually(timeout: 10) { listener.assignments.contains("WATCHDOG=1") })
        #expect(DaemonProcess.eventually(timeout: 10) { listener.assignments.filter { $0.hasPrefix("STATUS=") }.count >= 2 })
        #expect(try client.request("POST", "/reload", token: daemon.token).status == 200)
        kill(daemon.process.processIdentifier, SIGHUP)
        #expect(DaemonProcess.eventually(timeout: 5) { listener.assignments.filter { $0 == "RELOADING=1" }.count >= 2 })
        #expect(daemon.stop() == 0)

        let sequence = listener.assignments
        let ready = sequence.firstIndex(of: "READY=1")
        let firstWatchdog = sequence.firstIndex(of: "WATCHDOG=1")
        let reloading = sequence.firstIndex(of: "RELOADING=1")
        let stopping = sequence.firstIndex(of: "STOPPING=1")
        #expect(ready != nil && firstWatchdog != nil && reloading != nil && stopping != nil, "\(sequence)")
        if let ready, let firstWatchdog, let reloading, let stopping {
            #expect(ready < firstWatchdog)
            #expect(ready < reloading)
            #expect(reloading < stopping)
            #expect(sequence[(reloading + 1)...].contains("READY=1"), "READY=1 after RELOADING=1")
            #expect(sequence.last == "STOPPING=1" || sequence[stopping...].allSatisfy { !$0.hasPrefix("WATCHDOG") })
        }
        #expect(sequence.contains { $0.hasPrefix("MONOTONIC_USEC=") })
    }

    /// In process: the daemon with a recorder for systemd and a 2 s watchdog, and an observer that
    /// never answers after two ticks, as a deadlocked tick would.
    @Test func watchdogPingsStopWhenTheMonitorLoopWedges() async throws {
        let systemd = TimedSystemdRecorder()
        var wedging: WedgingObserver?
        let daemon = try InProcessDaemon(config: TestConfig.json5(intervalSec: 1, commandTimeoutSec: 1)) { runner, environment in
            let observer = WedgingObserver(wrapped: OpenClawObserver(runner: runner, extraEnvironment: environment), ticks: 2)
            wedging = observer
            return DaemonDependencies(control: OpenClawControl(runner: runner, extraEnvironment: environment), observer: observer,
                                      systemd: systemd, watchdogInterval: .seconds(2))
        }
        _ = try await daemon.start()
        #expect(await InProcessDaemon.eventually(timeout: .seconds(10)) { wedging?.count.wedged != nil })
        let wedgedAt = wedging?.count.wedged ?? Date()
        // The tick bound for a 1 s command timeout is 12 s; after it the pings must stop.
        let bound = MonitorProgress.tickBound(commandTimeoutSec: 1)
        try await Task.sleep(for: .seconds(bound + 3))
        let pings = systemd.timedMessages.filter { $0.1.contains("WATCHDOG=1") }.map(\.0)
        #expect(!pings.isEmpty)
        let late = pings.filter { $0 > wedgedAt.addingTimeInterval(bound + 1.5) }
        #expect(late.isEmpty, "pings continued \(late.count) times after the loop wedged")
        await daemon.stop()
    }

    @Test func watchdogKeepsPingingWhileACommandWaitsOnItsTimeout() throws {
        let listener = try NotifySocketListener()
        defer { listener.close() }
        let daemon = try DaemonProcess(
            config: TestConfig.json5(intervalSec: 1, commandTimeoutSec: 4),
            arguments: ["--openclaw-bin", DaemonProcess.fakeOpenClaw],
            environment: ["NOTIFY_SOCKET": listener.path, "WATCHDOG_USEC": "2000000"])
        let fake = try FakeOpenClawScenario(daemonDirectory: daemon.directory)
        // Every `channels status` hangs until the runner kills it at the 4 s timeout: each tick is
        // slow, but the loop is alive.
        try fake.write(["gateway": "up", "faults": ["channels status": ["hang": true]]])
        try daemon.start()
        _ = try daemon.waitForListening()
        Thread.sleep(forTimeInterval: 9)
        let ready = listener.timedMessages.first { $0.1.contains("READY=1") }?.0
        let pings = listener.timedMessages.filter { $0.1.contains("WATCHDOG=1") }.map(\.0)
        #expect(ready != nil)
        #expect(pings.count >= 6, "\(pings.count) pings in 9 s at a 1 s ping interval")
        // No gap between pings (or from READY to the first) reaches the 2 s watchdog interval.
        let times = [ready ?? Date()] + pings
        let gaps = zip(times.dropFirst(), times).map { $0.timeIntervalSince($1) }
        #expect((gaps.max() ?? 0) < 2.0, "largest gap \(gaps.max() ?? 0) s")
        #expect(fake.calls().filter { $0.starts(with: ["openclaw", "channels", "status"]) }.count >= 2,
                "the slow command ran (and timed out) more than once")
    }

    @Test func socketActivationServesOnThePassedSocket() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-socket-activate") else {
            print("skipped: systemd-socket-activate is not installed (apt-get install systemd)")
            return
        }
        let port = try FreePort.pick()
        let daemon = try DaemonProcess(
            config: TestConfig.json5(),
            arguments: ["--openclaw-bin", "/nonexistent/openclaw"],
            executable: "/usr/bin/systemd-socket-activate",
            prefixArguments: ["-l", "127.0.0.1:\(port)", DaemonProcess.binary])
        try daemon.start()
        defer { daemon.stop() }
        let client = try ControlClient(url: "http://127.0.0.1:\(port)", timeout: 10)
        #expect(try DaemonProcess.eventually(timeout: 15) {
            (try? client.request("GET", "/health").status) == 200
        })
        #expect(daemon.stderr.contains("socket passed by systemd"))
    }
}
