import Testing
@testable import RawHTTP

/// The timeout state machine driven by plain numbers (nanoseconds) instead of a clock.
@Suite struct ConnectionTimerTests {
    static let timeouts = ConnectionTimer.Timeouts(header: 10_000, idle: 15_000, linger: 2_000)

    @Test func aSilentNewConnectionClosesAfterTheHeaderTimeout() {
        let timer = ConnectionTimer(connectedAt: 1_000)
        #expect(timer.isIdle)
        #expect(timer.verdict(at: 10_999, timeouts: Self.timeouts) == .keep)
        #expect(timer.verdict(at: 11_000, timeouts: Self.timeouts) == .close)
    }

    @Test func aStartedHeadGets408FromItsFirstByte() {
        var timer = ConnectionTimer(connectedAt: 0)
        timer.received(at: 5_000, progress: .readingHead)
        // More bytes of the same head do not extend the deadline: slow-drip clients still time out.
        timer.received(at: 14_000, progress: .readingHead)
        #expect(timer.verdict(at: 14_999, timeouts: Self.timeouts) == .keep)
        #expect(timer.verdict(at: 15_000, timeouts: Self.timeouts) == .requestTimeout)
        #expect(!timer.isIdle)
    }

    @Test func aKeepAliveConnectionClosesAfterTheIdleTimeout() {
        var timer = ConnectionTimer(connectedAt: 0)
        timer.received(at: 1_000, progress: .readingHead)
        timer.finishedWriting(at: 2_000, progress: .awaitingRequest)
        #expect(timer.isIdle)
        #expect(timer.verdict(at: 16_999, timeouts: Self.timeouts) == .keep)
        #expect(timer.verdict(at: 17_000, timeouts: Self.timeouts) == .close)
    }

    @Test func theNextRequestRestartsTheHeaderClock() {
        var timer = ConnectionTimer(connectedAt: 0)
        timer.finishedWriting(at: 2_000, progress: .awaitingRequest)
        timer.received(at: 16_000, progress: .readingHead)
        #expect(timer.verdict(at: 25_999, timeouts: Self.timeouts) == .keep)
        #expect(timer.verdict(at: 26_000, timeouts: Self.timeouts) == .requestTimeout)
    }

    @Test func aBodyTimesOutOnlyWhenItStalls() {
        var timer = ConnectionTimer(connectedAt: 0)
        timer.received(at: 1_000, progress: .readingBody)
        timer.received(at: 15_000, progress: .readingBody)
        #expect(timer.verdict(at: 29_999, timeouts: Self.timeouts) == .keep)
        #expect(timer.verdict(at: 30_000, timeouts: Self.timeouts) == .requestTimeout)
    }

    @Test func aRunningHandlerHasNoDeadline() {
        var timer = ConnectionTimer(connectedAt: 0)
        timer.startedHandling()
        #expect(timer.verdict(at: 1_000_000_000, timeouts: Self.timeouts) == .keep)
        #expect(!timer.isIdle)
    }

    @Test func aStalledWriteIsClosedWithoutAResponse() {
        var timer = ConnectionTimer(connectedAt: 0)
        timer.waitingToWrite(at: 1_000, sent: 0)
        #expect(timer.verdict(at: 15_999, timeouts: Self.timeouts) == .keep)
        // Blocking again after more bytes went out is progress; blocking with none is not.
        timer.waitingToWrite(at: 10_000, sent: 100)
        timer.waitingToWrite(at: 20_000, sent: 100)
        #expect(timer.verdict(at: 24_999, timeouts: Self.timeouts) == .keep)
        #expect(timer.verdict(at: 25_000, timeouts: Self.timeouts) == .close)
    }

    @Test func lingeringIsBounded() {
        var timer = ConnectionTimer(connectedAt: 0)
        timer.startedLingering(at: 100)
        #expect(timer.verdict(at: 2_099, timeouts: Self.timeouts) == .keep)
        #expect(timer.verdict(at: 2_100, timeouts: Self.timeouts) == .close)
    }

    @Test func aClockGoingBackwardsNeverExpires() {
        let timer = ConnectionTimer(connectedAt: 50_000)
        #expect(timer.verdict(at: 0, timeouts: Self.timeouts) == .keep)
    }
}
