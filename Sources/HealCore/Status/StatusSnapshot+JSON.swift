import FoundationEssentials

extension StatusSnapshot {
    /// The snapshot as JSON with sorted keys, so every writer (status file, `/status`) produces the
    /// same stable key order.
    public func jsonData(pretty: Bool = true) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
                                          : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
