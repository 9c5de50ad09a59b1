import FoundationEssentials

extension Healer {
    /// A failure from the log follower or `POST /events`: cool the model it blames and move
    /// sessions off it at once (not at the next tick). The state is on disk before any action the
    /// event triggers; with `durably`, the call also returns only once the event's records are
    /// (`POST /events` answers then). The log follower needs no such wait: the log is its record.
    public func ingest(_ event: FailureEvent, durably: Bool = true) async -> IngestResult {
        await ingest(ClassifiedFailure(classifying: event), durably: durably)
    }

    /// `ingest` for a failure its intake already classified (the log follower, `POST /events`).
    public func ingest(_ failure: ClassifiedFailure, durably: Bool = true) async -> IngestResult {
        ensureLoaded()
        let now = policyNow()
        let context = PolicyContext(knownPins: lastSessions, configFile: lastConfigFile,
                                    hold: MaintenanceGate.hold(maintenance: state.maintenance, gateway: lastGateway, now: now))
        let config = self.config
        var verdict = FailureVerdict(model: nil, attribution: "", reason: nil, retryAfterSec: nil, effect: .notAModelFailure)
        let carried = await carryOut(now: now) { current in
            let (decisions, v) = Policy.ingest(state: &current, failure: failure, context: context, now: now, config: config)
            verdict = v
            return decisions
        }
        let accepted = verdict.model != nil && verdict.reason?.isModelFailure == true
        if !carried.records.isEmpty {
            writeStatusFile()
            if durably { _ = await journal.durable() }
        }
        return IngestResult(accepted: accepted, verdict: verdict, decisions: carried.records)
    }
}
