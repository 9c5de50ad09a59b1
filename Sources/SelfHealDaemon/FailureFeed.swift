import HealCore

/// Carries failures from the log follower's queue to the healer in log order, one at a time, with
/// a bounded backlog: a storm of failure lines cannot grow memory without end (the oldest are
/// dropped first, and counted), and no failure overtakes an earlier one.
final class FailureFeed: Sendable {
    static let backlog = 10_000

    private let continuation: AsyncStream<FailureEvent>.Continuation
    private let stream: AsyncStream<FailureEvent>

    init() {
        (stream, continuation) = AsyncStream.makeStream(of: FailureEvent.self,
                                                        bufferingPolicy: .bufferingNewest(Self.backlog))
    }

    /// Called on the follower's queue; never blocks.
    func send(_ event: FailureEvent) {
        continuation.yield(event)
    }

    /// Hands every failure to the healer until `finish()`.
    func drain(into healer: Healer) async {
        for await event in stream {
            _ = await healer.ingest(event, durably: false)
        }
    }

    func finish() {
        continuation.finish()
    }
}
