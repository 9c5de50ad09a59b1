/// A caller of `Journal.durable()` or `Journal.drained()`: resumed once everything handed over
/// up to `sequence` is written (the state and the logs) and, for `drained()`, the status file
/// handed over up to `statusSequence` too.
struct JournalWaiter {
    var sequence: Int
    var statusSequence: Int?
    var continuation: CheckedContinuation<String?, Never>
}
