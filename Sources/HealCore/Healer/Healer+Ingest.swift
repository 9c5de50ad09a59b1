import FoundationEssentials

extension Healer {
    /// A failure from the log follower or `POST /events`: cool the model it blames and move
    /// sessions off it at once (not at the next tick).
    public func ingest(_ event: FailureEvent) async -> IngestResult {
        ensureLoaded()
        let now = policyNow()
        let context = PolicyContext(knownPins: lastSessions, configFile: lastConfigFile,
                                    hold: MaintenanceGate.hold(maintenance: state.maintenance, gateway: lastGateway, now: now))
        let config = self.config
        var verdict = FailureVerdict(model: nil, attribution: "", reason: nil, retryAfterSec: nil, effect: "")
        let carried = await carryOut(now: now) { current in
            let (result, v) = Policy.ingest(state: current, event: event, context: context, now: now, config: config)
            verdict = v
            return result
        }
        let accepted = verdict.model != nil && verdict.reason?.isModelFailure == true
        if !carried.records.isEmpty { writeStatusFile() }
        return IngestResult(accepted: accepted, verdict: verdict, decisions: carried.records)
    }
}
