import Foundation

extension Healer {
    /// Applies a new config (already validated by the caller); returns the changed keys.
    public func reload(_ newConfig: HealConfig) -> [String] {
        ensureLoaded()
        let changed = Self.changedKeys(config, newConfig)
        guard !changed.isEmpty else { return [] }
        config = newConfig
        paths = HealPaths(config: newConfig)
        audit(AuditRecord(time: clock.now(), incident: "-", rule: "config-reload", trigger: "config reloaded",
                          evidence: ["changed: " + changed.joined(separator: ", ")], action: nil,
                          dryRun: newConfig.dryRun, outcome: "reloaded", detail: "\(changed.count) keys changed"))
        persist()
        writeStatusFile()
        return changed
    }

    /// The dotted keys (`autoFix.cronFailThreshold`, `modelOrder`) whose values differ, found by
    /// comparing the two configs' JSON forms.
    static func changedKeys(_ old: HealConfig, _ new: HealConfig) -> [String] {
        let a = flatten(old), b = flatten(new)
        return Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
    }

    private static func flatten(_ config: HealConfig) -> [String: String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(config),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        var out: [String: String] = [:]
        func walk(_ value: Any, _ prefix: String) {
            if let dict = value as? [String: Any] {
                for (k, v) in dict { walk(v, prefix.isEmpty ? k : "\(prefix).\(k)") }
            } else if let leaf = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]) {
                out[prefix] = String(decoding: leaf, as: UTF8.self)
            }
        }
        walk(object, "")
        return out
    }
}
