extension HealConfig {
    /// Dotted names of every key whose value differs from `old`, sorted (what `/reload` reports).
    public func changedKeys(from old: HealConfig) -> [String] {
        ConfigSchema.fields
            .filter { $0.read(self) != $0.read(old) }
            .map(\.key)
            .sorted()
    }
}
