/// The files OpenClaw's config is made of at one observation: the top file first, then its
/// `$include`s in the order they were found, with digests of their bytes, and the digests of
/// OpenClaw's own snapshots of the top file (`openclaw.json.bak*`, `.clobbered.*`, `.last-good`)
/// so a change can be attributed to its writer (`ConfigWriterAttribution`).
public struct ConfigFileSet: Sendable, Equatable, Codable {
    public var files: [String]
    /// One digest over every file's path and bytes; nil when the files could not all be read.
    public var digest: String?
    /// Digest of the top file's bytes alone.
    public var topDigest: String?
    /// Snapshot path → digest of its bytes.
    public var snapshotDigests: [String: String]

    public init(files: [String] = [], digest: String? = nil, topDigest: String? = nil,
                snapshotDigests: [String: String] = [:]) {
        self.files = files; self.digest = digest; self.topDigest = topDigest; self.snapshotDigests = snapshotDigests
    }
}
