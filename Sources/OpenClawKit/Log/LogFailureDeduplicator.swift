/// Drops repeats of one run's failure on one model.
///
/// OpenClaw logs a single failed call several times: `embedded_run_failover_decision`, then
/// `model_fallback_decision` (`candidate_failed`), then `embedded_run_agent_end` or an
/// `All models failed` summary, all with the same `runId`. The healer should count it once, so only
/// the first failure per (run, model) is passed on. A `rotate_profile` decision is kept apart: it
/// comes first in a run but shows no model failure, so it must not hide the `candidate_failed`
/// that may follow. Failures without a run id are never dropped.
/// The memory is bounded: the oldest keys are forgotten first.
struct LogFailureDeduplicator {
    let capacity: Int
    private var seen: Set<String> = []
    private var order: [String] = []
    private var oldest = 0

    init(capacity: Int = 1024) {
        self.capacity = max(1, capacity)
    }

    /// True the first time (run, model) is offered; false for repeats still remembered.
    mutating func isNew(_ failure: GatewayLogLineFailure) -> Bool {
        guard let runId = failure.runId, !runId.isEmpty else { return true }
        let key = runId + "\u{1F}" + (failure.event.model?.description ?? "") + (failure.event.showsModelFailing ? "" : "\u{1F}rotate")
        guard !seen.contains(key) else { return false }
        seen.insert(key)
        if order.count < capacity {
            order.append(key)
        } else {
            seen.remove(order[oldest])
            order[oldest] = key
            oldest = (oldest + 1) % capacity
        }
        return true
    }
}
