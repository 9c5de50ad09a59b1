extension StringProtocol {
    /// The text without the leading and trailing scalars that `set` holds.
    public func trimming(_ set: ScalarSet) -> String {
        let scalars = self[startIndex..<endIndex].unicodeScalars
        guard let first = scalars.firstIndex(where: { !set.contains($0) }),
              let last = scalars.lastIndex(where: { !set.contains($0) }) else { return "" }
        return String(self[first..<scalars.index(after: last)])
    }
}
