import FoundationEssentials

extension Healer {
    /// Applies a new config (already validated by the caller); returns the changed keys.
    public func reload(_ newConfig: HealConfig) -> [String] {
        ensureLoaded()
        let changed = newConfig.changedKeys(from: config)
        guard !changed.isEmpty else { return [] }
        config = newConfig
        paths = HealPaths(config: newConfig)
        audit(AuditRecord(time: clock.now(), incident: "-", rule: "config-reload", trigger: "config reloaded",
                          evidence: ["changed: " + changed.joined(separator: ", ")], action: nil,
                          dryRun: newConfig.dryRun, outcome: .reloaded, detail: "\(changed.count) keys changed"))
        persist()
        writeStatusFile()
        return changed
    }
}
