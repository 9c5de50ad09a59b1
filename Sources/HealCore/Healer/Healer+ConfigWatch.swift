import FoundationEssentials

extension Healer {
    /// Records, once per change, a broken `$include` (the guard refuses while it lasts) and every
    /// change of the config's bytes between two observations, naming its writer.
    func noteConfigFiles(_ o: Observation) {
        let now = o.at
        let previous = lastConfigFiles
        let current = o.openclawConfigFiles
        defer {
            if current.digest != nil || current.files.isEmpty { lastConfigFiles = current }
            configWrittenForUs = false
        }
        var includeProblem: String?
        if case .invalid(let why) = o.openclawConfig, why.hasPrefix("$include") { includeProblem = why }
        if includeProblem != reportedIncludeProblem {
            reportedIncludeProblem = includeProblem
            if let includeProblem {
                audit(AuditRecord(time: now, incident: state.nextIncident(at: now), rule: Rule.configIncludeInvalid,
                                  trigger: "an $include of openclaw.json is missing or broken",
                                  evidence: [includeProblem, "every disruptive action is refused until it is fixed",
                                             Rule.humanAction(Rule.configIncludeInvalid)],
                                  action: nil, dryRun: config.dryRun, outcome: .recorded, detail: ""))
            }
        }
        guard let before = previous.digest, let after = current.digest, before != after else { return }
        let writer = ConfigWriterAttribution.writer(previous: previous, current: current, healerWrote: configWrittenForUs)
        let changed = previous.topDigest != current.topDigest ? [current.files.first ?? paths.configFile]
            : current.files.dropFirst().map { $0 }
        audit(AuditRecord(time: now, incident: "-", rule: Rule.configChanged,
                          trigger: "OpenClaw's config changed since the last observation",
                          evidence: ["writer: \(writer)", "files: \(changed.joined(separator: ", "))",
                                     Rule.humanAction(Rule.configChanged)],
                          action: nil, dryRun: config.dryRun, outcome: .recorded, detail: writer))
    }
}
