import FoundationEssentials

extension Healer {
    /// `POST /probe`: probes the named model (cooled or not) or every cooled / recovering model,
    /// now, within the hourly budget (see `Policy.planManualProbes`). Models refused for the budget
    /// come back as failed results whose detail starts with "refused:". In dry run nothing runs and
    /// the results say what would have.
    public func probe(model: ModelID?) async -> [ProbeResult] {
        ensureLoaded()
        let now = policyNow()
        let config = self.config
        var refused: [ProbeResult] = []
        let carried = await carryOut(now: now) { current in
            let planned = Policy.planManualProbes(state: current, model: model, now: now, config: config)
            refused = planned.refused
            current = planned.result.state
            return planned.result.decisions
        }
        writeStatusFile()
        return carried.probes + refused
    }
}
