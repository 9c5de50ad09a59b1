/// A key that appears twice in one JSON5 object. JSON5 allows it (the last one wins in OpenClaw's
/// parser, an arbitrary one in Foundation's), which is exactly why the healer's own config refuses
/// it: the file would not say which value is meant.
public struct JSON5DuplicateKey: Sendable, Equatable {
    /// Dotted path from the root, array positions as `[n]`: `autoFix.cronFailThreshold`.
    public var path: String
    /// Position of the second occurrence.
    public var line: Int
    public var column: Int
}
