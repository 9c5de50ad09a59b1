import Foundation

extension Healer {
    /// A failure from the log follower or `POST /events`: cool the model it blames and move
    /// sessions off it at once (not at the next tick).
    public func ingest(_ event: FailureEvent) async -> IngestResult {
        let now = clock.now()
        let context = PolicyContext(knownPins: lastSessions, configFile: lastConfigFile)
        let (result, verdict) = Policy.ingest(state: state, event: event, context: context, now: now, config: config)
        let accepted = verdict.model != nil && verdict.reason?.isModelFailure == true
        guard !result.decisions.isEmpty else {
            state = result.state
            return IngestResult(accepted: accepted, verdict: verdict, decisions: [])
        }
        let carried = await carryOut(result, now: now)
        writeStatusFile()
        return IngestResult(accepted: accepted, verdict: verdict, decisions: carried.records)
    }
}
