import Logging
import Synchronization
import Testing
@testable import SystemdKit
import TestSupport

/// The watchdog pings only while the injected health check passes within its deadline. Rounds are
/// short (250 ms) but the check deadline is generous (120 ms for an answer that takes
/// microseconds), so a loaded machine does not turn "unhealthy" into "no answer".
@Suite struct WatchdogPingerTests {
    enum Mode {
        case healthy, unhealthy, hang
    }

    /// A health check whose answer the test switches: healthy, unhealthy, or hanging until the
    /// mode changes (a wedged monitor loop or actor).
    final class ControllableCheck: Sendable {
        private let mode = Mutex(Mode.healthy)
        private let calls = Mutex(0)

        func set(_ newMode: Mode) { mode.withLock { $0 = newMode } }
        var callCount: Int { calls.withLock { $0 } }

        func check() async -> Bool {
            calls.withLock { $0 += 1 }
            while mode.withLock({ $0 }) == .hang && !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(5))
            }
            return mode.withLock { $0 } == .healthy
        }
    }

    private func makePinger(
        _ check: ControllableCheck, _ notifier: RecordingNotifier, logger: Logger? = nil
    ) -> WatchdogPinger {
        WatchdogPinger(
            watchdogInterval: .milliseconds(500),
            checkDeadline: .milliseconds(120),
            notifier: notifier,
            logger: logger ?? Logger(label: "test") { _ in SwiftLogNoOpLogHandler() },
            healthCheck: { await check.check() }
        )
    }

    /// Polls `condition` until it holds or `timeout` passes.
    private func eventually(_ timeout: Duration = .seconds(10), _ condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return condition()
    }

    /// Whether no ping arrives during `window`, after in-flight rounds have had `settle` to finish.
    private func pingsStay(
        _ notifier: RecordingNotifier, settle: Duration = .milliseconds(500), window: Duration = .milliseconds(900)
    ) async -> Bool {
        try? await Task.sleep(for: settle)
        let before = notifier.pingCount
        try? await Task.sleep(for: window)
        return notifier.pingCount == before
    }

    @Test func intervalsFollowTheWatchdogTimeout() {
        let pinger = WatchdogPinger(watchdogInterval: .seconds(30), notifier: RecordingNotifier()) { true }
        #expect(pinger.pingInterval == .seconds(15))
        #expect(pinger.checkDeadline == .milliseconds(7500))
        let capped = WatchdogPinger(
            watchdogInterval: .seconds(30), checkDeadline: .seconds(60), notifier: RecordingNotifier()
        ) { true }
        #expect(capped.checkDeadline == .seconds(15))
    }

    @Test func pingsWhileTheCheckPasses() async {
        let check = ControllableCheck()
        let notifier = RecordingNotifier()
        let pinger = makePinger(check, notifier)
        pinger.start()
        defer { pinger.stop() }
        #expect(await eventually { notifier.pingCount >= 3 })
        #expect(notifier.sent.allSatisfy { $0 == "WATCHDOG=1" })
        #expect(pinger.lastVerdict == .healthy)
    }

    @Test func stopsPingingWhenTheCheckFailsAndResumesWhenItPasses() async {
        let check = ControllableCheck()
        let notifier = RecordingNotifier()
        let pinger = makePinger(check, notifier)
        pinger.start()
        defer { pinger.stop() }
        #expect(await eventually { notifier.pingCount >= 1 })

        check.set(.unhealthy)
        #expect(await pingsStay(notifier))
        #expect(pinger.lastVerdict != .healthy)

        let stalled = notifier.pingCount
        check.set(.healthy)
        #expect(await eventually { notifier.pingCount >= stalled + 2 })
        #expect(pinger.lastVerdict == .healthy)
    }

    @Test func stopsPingingWhileTheCheckHangsAndStartsNoSecondCheck() async {
        let check = ControllableCheck()
        let notifier = RecordingNotifier()
        let pinger = makePinger(check, notifier)
        pinger.start()
        defer { pinger.stop() }
        #expect(await eventually { notifier.pingCount >= 1 })

        check.set(.hang)
        #expect(await pingsStay(notifier))
        #expect(pinger.lastVerdict == .withheld(.noAnswer(deadline: .milliseconds(120))))
        // Rounds kept firing, but the hanging check was not joined by new ones.
        let callsWhileHung = check.callCount
        try? await Task.sleep(for: .milliseconds(700))
        #expect(check.callCount == callsWhileHung)

        let stalled = notifier.pingCount
        check.set(.healthy)
        #expect(await eventually { notifier.pingCount >= stalled + 2 })
    }

    @Test func sendsNothingAfterStop() async {
        let check = ControllableCheck()
        let notifier = RecordingNotifier()
        let pinger = makePinger(check, notifier)
        pinger.start()
        #expect(await eventually { notifier.pingCount >= 1 })
        pinger.stop()
        let stopped = notifier.pingCount
        try? await Task.sleep(for: .milliseconds(500))
        #expect(notifier.pingCount == stopped)
    }

    @Test func stopCancelsAHangingCheck() async {
        let check = ControllableCheck()
        check.set(.hang)
        let notifier = RecordingNotifier()
        let pinger = makePinger(check, notifier)
        pinger.start()
        #expect(await eventually { check.callCount == 1 })
        pinger.stop()
        try? await Task.sleep(for: .milliseconds(300))
        #expect(notifier.pingCount == 0)
    }

    /// Under load a round may end as "no answer" instead of "unhealthy" (the check's task waits for
    /// a thread), so this checks the rule itself: a line per change of verdict, never two alike
    /// in a row. `WatchdogVerdictTests` covers each transition exactly.
    @Test func logsOnlyWhenTheVerdictChanges() async {
        let check = ControllableCheck()
        check.set(.unhealthy)
        let notifier = RecordingNotifier()
        let (logger, log) = CapturingLogHandler.logger()
        let pinger = makePinger(check, notifier, logger: logger)
        pinger.start()
        defer { pinger.stop() }
        #expect(await eventually { check.callCount >= 5 })
        check.set(.healthy)
        #expect(await eventually { notifier.pingCount >= 3 })

        let lines = log.all.filter { $0.message.hasPrefix("watchdog:") }
        #expect(lines.first?.level == .warning)
        #expect(lines.first?.message.contains("withholding WATCHDOG=1") == true)
        #expect(lines.last?.level == .notice)
        #expect(lines.last?.message.contains("resumed") == true)
        for (earlier, later) in zip(lines, lines.dropFirst()) {
            #expect(earlier.message != later.message, "logged the same verdict twice in a row")
        }
        #expect(lines.count < check.callCount)
    }
}
