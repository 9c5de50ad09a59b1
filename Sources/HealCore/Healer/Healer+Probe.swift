import Foundation

extension Healer {
    /// `POST /probe`: probes the named model (cooled or not) or every cooled / recovering model,
    /// now, within the hourly budget (see `Policy.planManualProbes`). Models refused for the budget
    /// come back as failed results whose detail starts with "refused:". In dry run nothing runs and
    /// the results say what would have.
    public func probe(model: String?) async -> [ProbeResult] {
        let now = clock.now()
        let (result, refused) = Policy.planManualProbes(state: state, model: model, now: now, config: config)
        let carried = await carryOut(result, now: now)
        writeStatusFile()
        return carried.probes + refused
    }
}
