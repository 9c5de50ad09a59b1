import Foundation
import Testing
@testable import SelfHealDaemon

struct HealthGaugeTests {
    let start = Date(timeIntervalSince1970: 2_000_000)

    @Test func healthyWhileTheLastTickIsYoungerThanTwoIntervals() {
        let gauge = HealthGauge(startedAt: start)
        #expect(gauge.problem(now: start.addingTimeInterval(119), intervalSec: 60) == nil)
        #expect(gauge.problem(now: start.addingTimeInterval(121), intervalSec: 60)?.contains("no monitor tick") == true)
        gauge.tickFinished(at: start.addingTimeInterval(100), stateDirectoryProblem: nil)
        #expect(gauge.problem(now: start.addingTimeInterval(220), intervalSec: 60) == nil)
        let stale = gauge.problem(now: start.addingTimeInterval(221), intervalSec: 60)
        #expect(stale == "last monitor tick finished 121 s ago (limit 120 s)")
    }

    @Test func anUnwritableStateDirectoryIsUnhealthy() throws {
        let gauge = HealthGauge(startedAt: start)
        gauge.tickFinished(at: start, stateDirectoryProblem: "state directory /x is not writable")
        #expect(gauge.problem(now: start, intervalSec: 60) == "state directory /x is not writable")
        gauge.tickFinished(at: start, stateDirectoryProblem: nil)
        #expect(gauge.problem(now: start, intervalSec: 60) == nil)
    }

    @Test func writabilityIsCheckedByCreatingAFile() throws {
        let dir = NSTemporaryDirectory() + "gauge-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        #expect(HealthGauge.writabilityProblem(directory: dir) == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty, "the probe file is removed")
        // A regular file where the directory should be: nothing can be created in it, even as root.
        let notADirectory = dir + "/file"
        FileManager.default.createFile(atPath: notADirectory, contents: Data())
        #expect(HealthGauge.writabilityProblem(directory: notADirectory) == "state directory \(notADirectory) is not writable")
    }

    @Test func tickProgressFeedsTheWatchdogRule() {
        let gauge = HealthGauge(startedAt: start)
        gauge.tickStarted(at: start.addingTimeInterval(5))
        #expect(gauge.progress.tickStartedAt == start.addingTimeInterval(5))
        gauge.tickFinished(at: start.addingTimeInterval(6), stateDirectoryProblem: nil)
        #expect(gauge.progress.tickStartedAt == nil)
        #expect(gauge.progress.lastTickFinishedAt == start.addingTimeInterval(6))
        #expect(gauge.ticks == 1)
    }
}
