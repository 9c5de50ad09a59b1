import Foundation
import HealCore
import OpenClawKit
@testable import SelfHealDaemon
import Testing
import TestSupport

/// A start that cannot listen, in process: the services that had started are stopped again, no
/// tick runs, nothing is carried out, and no stop is recorded (the daemon never ran).
@Suite struct DaemonStartFailureTests {
    final class CountingObserver: GatewayObserver, @unchecked Sendable {
        let wrapped: any GatewayObserver
        private let lock = NSLock()
        private var count = 0
        init(_ wrapped: any GatewayObserver) { self.wrapped = wrapped }
        var observations: Int { lock.withLock { count } }
        func observe(config: HealConfig) async -> Observation {
            lock.withLock { count += 1 }
            return await wrapped.observe(config: config)
        }
    }

    @Test func aDaemonThatCannotListenNeitherActsNorRecordsAStop() async throws {
        let first = try InProcessDaemon(config: TestConfig.json5()) { runner, _ in
            DaemonDependencies(control: RecordingControl(stateFile: "/nonexistent/state.json"),
                               observer: OpenClawObserver(runner: runner))
        }
        let taken = try await first.start()
        defer { Task { await first.stop() } }

        var observer: CountingObserver?
        var control: RecordingControl?
        let second = try InProcessDaemon(config: TestConfig.json5().replacingOccurrences(of: "127.0.0.1:0", with: taken)) { runner, _ in
            let counting = CountingObserver(OpenClawObserver(runner: runner))
            observer = counting
            let recording = RecordingControl(stateFile: "/nonexistent/state.json")
            control = recording
            return DaemonDependencies(control: recording, observer: counting)
        }
        await #expect { try await second.daemon.run() } throws: { error in
            "\(error)".contains("cannot listen")
        }
        try await Task.sleep(for: .milliseconds(1500)) // a tick would have started by now (interval 1 s)
        #expect(observer?.observations == 0, "a tick ran before the daemon listened")
        #expect(control?.calls.isEmpty == true)
        let audit = (try? String(contentsOfFile: second.directory + "/state/self-heal-audit.jsonl", encoding: .utf8)) ?? ""
        #expect(!audit.contains(#""outcome":"stopped""#), "\(audit)")
    }
}
