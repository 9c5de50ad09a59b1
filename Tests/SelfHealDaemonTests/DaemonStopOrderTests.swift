import Foundation
import Testing
import TestSupport

/// A stop that arrives while a tick is under way: the tick is cancelled (its hanging command's
/// process group killed, not waited for until its timeout) and awaited, and the stop record is
/// the last thing written: no save, audit record or action follows it.
@Suite struct DaemonStopOrderTests {
    @Test func nothingFollowsTheRecordedStopEvenWithATickInFlight() throws {
        let daemon = try DaemonProcess(
            config: TestConfig.json5(intervalSec: 1, commandTimeoutSec: 30),
            arguments: ["--openclaw-bin", DaemonProcess.fakeOpenClaw])
        let fake = try FakeOpenClawScenario(daemonDirectory: daemon.directory)
        // Every `channels status` hangs: a tick is in flight whenever the stop comes.
        try fake.write(["gateway": "up", "faults": ["channels status": ["hang": true]]])
        try daemon.start()
        _ = try daemon.waitForListening()
        #expect(DaemonProcess.eventually(timeout: 10) {
            fake.calls().contains { $0.starts(with: ["openclaw", "channels", "status"]) }
        }, "the tick never reached the hanging command")
        let stopAsked = Date()
        let status = daemon.stop(timeout: 20)
        let took = Date().timeIntervalSince(stopAsked)
        #expect(status == 0, "exit status \(status): \(daemon.stderr.suffix(800))")
        #expect(took < 15, "the stop waited \(took) s: the hanging command was not killed at the stop")

        let audit = daemon.directory + "/state/self-heal-audit.jsonl"
        let state = daemon.directory + "/state/self-heal-state.json"
        let records = ((try? String(contentsOfFile: audit, encoding: .utf8)) ?? "").split(separator: "\n")
        let last = records.last.map(String.init) ?? ""
        #expect(last.contains(#""outcome":"stopped""#), "last audit record: \(last)")
        // The state was saved with the stop, not after it: the audit file, written after the
        // state in the journal's order, is the newest of the two.
        let modified = { (path: String) in
            (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantFuture
        }
        #expect(modified(state) <= modified(audit), "the state file changed after the stop was recorded")
        let calls = fake.calls().count
        Thread.sleep(forTimeInterval: 1.5)
        #expect(fake.calls().count == calls, "a command ran after the daemon exited")
    }
}
