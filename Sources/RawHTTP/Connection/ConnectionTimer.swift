/// The timeouts of one connection as a pure state machine: the connection reports what happens,
/// with a monotonic time in nanoseconds, and asks `verdict(at:)` on each sweep. No clock is read
/// here, so tests drive it with plain numbers.
struct ConnectionTimer: Equatable {
    struct Timeouts: Equatable, Sendable {
        /// Nanoseconds a client has to complete a request head, from its first byte.
        var header: UInt64
        /// Nanoseconds a keep-alive connection may sit idle, and the most a body upload or a
        /// response write may stall without progress.
        var idle: UInt64
        /// Nanoseconds to drain a closing client's input so our last response is not lost to a reset.
        var linger: UInt64
        /// Nanoseconds a client has to send a whole body once its head is complete, however
        /// steadily the bytes come.
        var body: UInt64 = .max
        /// A response waiting on a slow reader must average this many bytes a second, judged once
        /// it has waited `body` nanoseconds (0: no minimum).
        var minSendBytesPerSecond: UInt64 = 0
    }

    enum Phase: Equatable {
        /// Accepted, nothing received yet. Bounded by the header timeout: a client that connects
        /// came to send a request.
        case connected(since: UInt64)
        /// Between requests on a keep-alive connection.
        case idle(since: UInt64)
        case readingHead(since: UInt64)
        /// `since`: when the head was complete; the body deadline counts from there.
        case readingBody(since: UInt64, lastProgress: UInt64)
        /// An async handler is running; its duration is the application's business.
        case handling
        /// `since` and `sentAtStart`: when the socket first refused output and how much of it had
        /// gone by then; `sent`: how much has gone now.
        case writing(since: UInt64, lastProgress: UInt64, sentAtStart: UInt64, sent: UInt64)
        /// Response sent, write side shut, waiting for the client's FIN.
        case lingering(since: UInt64)
    }

    enum Verdict: Equatable {
        case keep
        /// Close without a word: nothing of a request is pending.
        case close
        /// Answer 408 and close: a request was started and not finished in time.
        case requestTimeout
    }

    private(set) var phase: Phase

    init(connectedAt now: UInt64) {
        phase = .connected(since: now)
    }

    /// Bytes of a request arrived; `progress` is where the parser stands after them.
    mutating func received(at now: UInt64, progress: HTTPParserProgress) {
        switch (phase, progress) {
        case (.connected, .readingHead), (.idle, .readingHead):
            phase = .readingHead(since: now)
        case (.readingBody(let since, _), .readingBody):
            phase = .readingBody(since: since, lastProgress: now)
        case (_, .readingBody):
            phase = .readingBody(since: now, lastProgress: now)
        case (.readingBody, .readingHead), (.writing, .readingHead), (.handling, .readingHead):
            phase = .readingHead(since: now)
        default:
            break
        }
    }

    mutating func startedHandling() {
        phase = .handling
    }

    /// A response is queued and the socket would block; `sent` bytes of the queued output are gone.
    mutating func waitingToWrite(at now: UInt64, sent: Int = 0) {
        let total = UInt64(max(0, sent))
        if case .writing(let since, let last, let start, let before) = phase, total >= start {
            phase = .writing(since: since, lastProgress: total > before ? now : last, sentAtStart: start, sent: total)
        } else {
            phase = .writing(since: now, lastProgress: now, sentAtStart: total, sent: total)
        }
    }

    /// All queued output was sent; the connection now waits for whatever the parser still needs.
    mutating func finishedWriting(at now: UInt64, progress: HTTPParserProgress) {
        switch progress {
        case .awaitingRequest: phase = .idle(since: now)
        case .readingHead: phase = .readingHead(since: now)
        case .readingBody:
            if case .readingBody(let since, _) = phase {
                phase = .readingBody(since: since, lastProgress: now)
            } else {
                phase = .readingBody(since: now, lastProgress: now)
            }
        }
    }

    mutating func startedLingering(at now: UInt64) {
        phase = .lingering(since: now)
    }

    /// Whether nothing is pending, so a graceful stop may close the connection at once.
    var isIdle: Bool {
        switch phase {
        case .connected, .idle: return true
        default: return false
        }
    }

    func verdict(at now: UInt64, timeouts: Timeouts) -> Verdict {
        switch phase {
        case .connected(let since):
            return elapsed(since, now) >= timeouts.header ? .close : .keep
        case .idle(let since):
            return elapsed(since, now) >= timeouts.idle ? .close : .keep
        case .readingHead(let since):
            return elapsed(since, now) >= timeouts.header ? .requestTimeout : .keep
        case .readingBody(let since, let lastProgress):
            if elapsed(since, now) >= timeouts.body { return .requestTimeout }
            return elapsed(lastProgress, now) >= timeouts.idle ? .requestTimeout : .keep
        case .handling:
            return .keep
        case .writing(let since, let lastProgress, let sentAtStart, let sent):
            if elapsed(lastProgress, now) >= timeouts.idle { return .close }
            let waited = elapsed(since, now)
            if timeouts.minSendBytesPerSecond > 0, waited >= timeouts.body {
                // In milliseconds: the product stays far from overflow for any real wait.
                let owed = timeouts.minSendBytesPerSecond.multipliedReportingOverflow(by: waited / 1_000_000).partialValue / 1000
                if sent - sentAtStart < owed { return .close }
            }
            return .keep
        case .lingering(let since):
            return elapsed(since, now) >= timeouts.linger ? .close : .keep
        }
    }

    private func elapsed(_ since: UInt64, _ now: UInt64) -> UInt64 {
        now >= since ? now - since : 0
    }
}

extension ConnectionTimer {
    /// When the connection last started waiting on its client, for choosing whom to drop when
    /// the server is full; nil while a handler runs (that wait is the server's, not the client's).
    /// A lingering connection has been answered already, so it counts as the oldest of all.
    var clientWaitStart: UInt64? {
        switch phase {
        case .connected(let since), .idle(let since), .readingHead(let since): return since
        case .readingBody(let since, _): return since
        case .writing(let since, _, _, _): return since
        case .lingering: return 0
        case .handling: return nil
        }
    }
}
