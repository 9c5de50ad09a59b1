import FoundationEssentials

/// Where the follower stopped reading: the file (by path and identity) and the offset of the first
/// line it has not handed on. Saved so a restart neither replays nor skips lines.
public struct LogPosition: Sendable, Codable, Equatable {
    public static let currentVersion = 1

    public var version: Int
    public var path: String
    public var identity: LogFileIdentity
    /// Always at the start of a line: a partial last line is read again after a restart.
    public var offset: Int
    public var savedAt: Date

    public init(path: String, identity: LogFileIdentity, offset: Int, savedAt: Date) {
        self.version = Self.currentVersion
        self.path = path; self.identity = identity; self.offset = offset; self.savedAt = savedAt
    }
}
