import Testing
@testable import RawHTTP

/// The body deadline and the minimum send rate, on plain numbers (nanoseconds).
@Suite struct ConnectionTimerDeadlineTests {
    static let second: UInt64 = 1_000_000_000
    static let timeouts = ConnectionTimer.Timeouts(
        header: 10 * second, idle: 15 * second, linger: 2 * second, body: 10 * second, minSendBytesPerSecond: 1024)

    @Test func aBodyTricklingInStillEndsAtTheBodyDeadline() {
        var timer = ConnectionTimer(connectedAt: 0)
        timer.received(at: 1 * Self.second, progress: .readingBody)
        // A byte every second: never stalled, but the whole body had 10 s from the head.
        for t in 2...10 { timer.received(at: UInt64(t) * Self.second, progress: .readingBody) }
        #expect(timer.verdict(at: 11 * Self.second - 1, timeouts: Self.timeouts) == .keep)
        #expect(timer.verdict(at: 11 * Self.second, timeouts: Self.timeouts) == .requestTimeout)
    }

    @Test func theNextRequestsBodyGetsItsOwnDeadline() {
        var timer = ConnectionTimer(connectedAt: 0)
        timer.received(at: 0, progress: .readingBody)
        timer.finishedWriting(at: 5 * Self.second, progress: .awaitingRequest)
        timer.received(at: 6 * Self.second, progress: .readingHead)
        timer.received(at: 7 * Self.second, progress: .readingBody)
        #expect(timer.verdict(at: 16 * Self.second, timeouts: Self.timeouts) == .keep)
        #expect(timer.verdict(at: 17 * Self.second, timeouts: Self.timeouts) == .requestTimeout)
    }

    @Test func aSlowReaderBelowTheMinimumRateIsClosed() {
        var timer = ConnectionTimer(connectedAt: 0)
        timer.waitingToWrite(at: 0, sent: 65_536)
        // It reads 100 bytes a second: progress (so no stall), but far below 1024 B/s.
        for t in 1...12 { timer.waitingToWrite(at: UInt64(t) * Self.second, sent: 65_536 + 100 * t) }
        #expect(timer.verdict(at: 9 * Self.second, timeouts: Self.timeouts) == .keep, "judged only after the grace")
        #expect(timer.verdict(at: 12 * Self.second, timeouts: Self.timeouts) == .close)
    }

    @Test func aReaderAtTheMinimumRateIsKept() {
        var timer = ConnectionTimer(connectedAt: 0)
        timer.waitingToWrite(at: 0, sent: 0)
        for t in 1...30 { timer.waitingToWrite(at: UInt64(t) * Self.second, sent: 2048 * t) }
        #expect(timer.verdict(at: 30 * Self.second, timeouts: Self.timeouts) == .keep)
    }

    @Test func theLongestWaitingIsFoundForEviction() {
        var timer = ConnectionTimer(connectedAt: 5)
        #expect(timer.clientWaitStart == 5)
        timer.received(at: 7, progress: .readingBody)
        timer.received(at: 9, progress: .readingBody)
        #expect(timer.clientWaitStart == 7)
        timer.startedHandling()
        #expect(timer.clientWaitStart == nil)
        timer.startedLingering(at: 100)
        #expect(timer.clientWaitStart == 0)
    }
}
