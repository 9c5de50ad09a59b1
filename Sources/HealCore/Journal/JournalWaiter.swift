/// A caller of `Journal.durable()` or `Journal.drained()`: resumed once everything handed over
/// up to `sequence` is written (the state and the logs; with `wholeBatch`, the status file too).
struct JournalWaiter {
    var sequence: Int
    var wholeBatch: Bool
    var continuation: CheckedContinuation<String?, Never>
}
