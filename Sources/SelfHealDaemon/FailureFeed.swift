import HealCore

/// Carries failures from the log follower's queue to the healer in log order, one at a time, with
/// a bounded backlog: a storm of failure lines cannot grow memory without end (the oldest are
/// dropped first, and counted), and no failure overtakes an earlier one. The parser's verdict goes
/// with each failure, so the healer does not classify it again.
final class FailureFeed: Sendable {
    static let backlog = 10_000

    private let continuation: AsyncStream<ClassifiedFailure>.Continuation
    private let stream: AsyncStream<ClassifiedFailure>

    init() {
        (stream, continuation) = AsyncStream.makeStream(of: ClassifiedFailure.self,
                                                        bufferingPolicy: .bufferingNewest(Self.backlog))
    }

    /// Called on the follower's queue with a failure the log parser classified; never blocks.
    func send(_ event: FailureEvent) {
        continuation.yield(ClassifiedFailure(classified: event))
    }

    /// Hands every failure to the healer until `finish()`.
    func drain(into healer: Healer) async {
        for await failure in stream {
            _ = await healer.ingest(failure, durably: false)
        }
    }

    func finish() {
        continuation.finish()
    }
}
