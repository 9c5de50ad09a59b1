import Foundation
import Testing
@testable import SelfHealDaemon

struct MonitorProgressTests {
    let start = Date(timeIntervalSince1970: 1_000_000)

    @Test func beforeTheFirstTickTheStartCounts() {
        let progress = MonitorProgress()
        #expect(progress.isMakingProgress(now: start.addingTimeInterval(69), startedAt: start, interval: 60, tickBound: 10))
        #expect(!progress.isMakingProgress(now: start.addingTimeInterval(71), startedAt: start, interval: 60, tickBound: 10))
    }

    @Test func aSlowTickWithinItsBoundIsProgress() {
        let progress = MonitorProgress(tickStartedAt: start, lastTickFinishedAt: start.addingTimeInterval(-60))
        #expect(progress.isMakingProgress(now: start.addingTimeInterval(10), startedAt: start, interval: 60, tickBound: 10))
        #expect(!progress.isMakingProgress(now: start.addingTimeInterval(10.5), startedAt: start, interval: 60, tickBound: 10))
    }

    @Test func betweenTicksTheLastFinishCounts() {
        let progress = MonitorProgress(tickStartedAt: nil, lastTickFinishedAt: start)
        #expect(progress.isMakingProgress(now: start.addingTimeInterval(70), startedAt: start, interval: 60, tickBound: 10))
        #expect(!progress.isMakingProgress(now: start.addingTimeInterval(70.1), startedAt: start, interval: 60, tickBound: 10))
    }

    @Test func theBoundCoversTheCommandTimeout() {
        #expect(MonitorProgress.tickBound(commandTimeoutSec: 15) > 15)
    }
}
