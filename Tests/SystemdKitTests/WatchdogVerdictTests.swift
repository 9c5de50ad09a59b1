import Logging
import Testing
@testable import SystemdKit

@Suite struct WatchdogVerdictTests {
    let unhealthy = WatchdogVerdict.withheld(.reportedUnhealthy)
    let silent = WatchdogVerdict.withheld(.noAnswer(deadline: .seconds(7)))

    private func entry(_ verdict: WatchdogVerdict, after previous: WatchdogVerdict?) -> (level: Logger.Level, message: String)? {
        verdict.logEntry(after: previous, pingInterval: .seconds(15), watchdogInterval: .seconds(30))
    }

    @Test func firstHealthyRoundIsADebugLine() {
        let first = entry(.healthy, after: nil)
        #expect(first?.level == .debug)
        #expect(first?.message == "watchdog: health check passed; pinging every 15.0 seconds")
    }

    @Test func sameVerdictAgainLogsNothing() {
        #expect(entry(.healthy, after: .healthy) == nil)
        #expect(entry(unhealthy, after: unhealthy) == nil)
        #expect(entry(silent, after: silent) == nil)
    }

    @Test func withholdingIsAWarningThatSaysWhy() {
        let reported = entry(unhealthy, after: .healthy)
        #expect(reported?.level == .warning)
        #expect(reported?.message == "watchdog: health check reported unhealthy; withholding WATCHDOG=1 (systemd restarts the service after 30.0 seconds without one)")
        let noAnswer = entry(silent, after: unhealthy)
        #expect(noAnswer?.level == .warning)
        #expect(noAnswer?.message.hasPrefix("watchdog: health check did not answer within 7.0 seconds;") == true)
        #expect(entry(unhealthy, after: nil)?.level == .warning)
    }

    @Test func resumingIsANotice() {
        let resumed = entry(.healthy, after: silent)
        #expect(resumed?.level == .notice)
        #expect(resumed?.message == "watchdog: health check passed again; WATCHDOG=1 resumed")
    }
}
