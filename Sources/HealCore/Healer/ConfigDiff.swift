import Foundation

/// The dotted keys (`autoFix.cronFailThreshold`, `modelOrder`) whose values differ between two
/// configs, found by comparing their JSON forms.
enum ConfigDiff {
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
