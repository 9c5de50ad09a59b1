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
    }

    enum Phase: Equatable {
        /// Accepted, nothing received yet. Bounded by the header timeout: a client that connects
        /// came to send a request.
        case connected(since: UInt64)
        /// Between requests on a keep-alive connection.
        case idle(since: UInt64)
        case readingHead(since: UInt64)
        case readingBody(lastProgress: UInt64)
        /// An async handler is running; its duration is the application's business.
        case handling
        case writing(lastProgress: UInt64)
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
        case (_, .readingBody):
            phase = .readingBody(lastProgress: now)
        case (.readingBody, .readingHead), (.writing, .readingHead), (.handling, .readingHead):
            phase = .readingHead(since: now)
        default:
            break
        }
    }

    mutating func startedHandling() {
        phase = .handling
    }

    /// A response is queued and the socket would block.
    mutating func waitingToWrite(at now: UInt64) {
        phase = .writing(lastProgress: now)
    }

    /// All queued output was sent; the connection now waits for whatever the parser still needs.
    mutating func finishedWriting(at now: UInt64, progress: HTTPParserProgress) {
        switch progress {
        case .awaitingRequest: phase = .idle(since: now)
        case .readingHead: phase = .readingHead(since: now)
        case .readingBody: phase = .readingBody(lastProgress: now)
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
        case .readingBody(let lastProgress):
            return elapsed(lastProgress, now) >= timeouts.idle ? .requestTimeout : .keep
        case .handling:
            return .keep
        case .writing(let lastProgress):
            return elapsed(lastProgress, now) >= timeouts.idle ? .close : .keep
        case .lingering(let since):
            return elapsed(since, now) >= timeouts.linger ? .close : .keep
        }
    }

    private func elapsed(_ since: UInt64, _ now: UInt64) -> UInt64 {
        now >= since ? now - since : 0
    }
}
