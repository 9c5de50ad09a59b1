import FoundationEssentials

extension Healer {
    /// The status snapshot as of now.
    public func snapshot() -> StatusSnapshot { statusSource().build() }

    /// What the snapshot is built from, copied out (cheap: the state and config are values).
    func statusSource() -> StatusSource {
        let faults = journal.faults.merging(fileFaults) { _, actor in actor }
        let inputs = StatusInputs(
            now: policyNow(), version: version, pid: pid, startedAt: startedAt, lastTickAt: lastTickAt,
            lastTickDurationMs: lastTickDurationMs, gateway: lastGateway,
            faults: observationFaults.merging(faults.mapValues { Redactor.redact($0, maxBytes: 1000) }) { a, _ in a },
            counters: counters.snapshot, lastTickActed: lastTickActed)
        return StatusSource(state: state, config: config, inputs: inputs, notifyTargets: notifyTargets, heartbeat: heartbeat)
    }

    /// The snapshot rendered for `/status` (JSON) or `/metrics` (Prometheus text), cached until the
    /// state changes or the clock enters the next second (every time field has one-second
    /// resolution). Served from the `StatusBoard` without awaiting the actor: requests share one
    /// render per change or second, and only that render visits the actor, to copy out its
    /// source. A scraper or a dashboard polling a healer that tracks thousands of jobs then costs
    /// one build and encode per second, not one per request, and never queues behind a tick.
    public nonisolated func renderedStatus(_ format: RenderedStatusCache.Format) async -> [UInt8] {
        let second = Int(clock.now().timeIntervalSince1970.rounded(.down))
        return await statusBoard.body(format, second: second) { await self.statusSource() }
    }

    /// Hands the snapshot (`snap`, or one built by the journal from a source copied now) to the
    /// journal for the status file; a failure becomes a fault.
    func writeStatusFile(_ snap: StatusSnapshot? = nil) {
        if let snap {
            journal.submit(statusTo: paths.statusFile) { snap }
        } else {
            let source = statusSource()
            journal.submit(statusTo: paths.statusFile) { source.build() }
        }
    }
}
