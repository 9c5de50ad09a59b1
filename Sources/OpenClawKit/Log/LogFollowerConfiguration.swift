import FoundationEssentials

/// Where and how the follower reads the gateway's log.
public struct LogFollowerConfiguration: Sendable, Equatable {
    /// `openclaw.logDir` (default `/tmp/openclaw`).
    public var directory: String
    /// The OpenClaw profile; empty for the default one. A named profile logs to
    /// `openclaw-<profile>-YYYY-MM-DD.log`.
    public var profile: String
    /// Where the read position is kept across restarts (e.g. `<state dir>/self-heal-logpos.json`);
    /// nil keeps none, so every start begins at the end of the current file.
    public var positionFile: String?
    /// The safety poll while inotify watches the directory (catches anything inotify missed).
    public var pollInterval: Duration
    /// The poll used when inotify cannot watch the directory (unavailable, or the directory does not
    /// exist yet). Default 50 ms; values above 100 ms are treated as 100 ms, so a failure still
    /// reaches the healer within about that.
    public var fallbackPollInterval: Duration
    /// Lines longer than this are dropped and counted in `linesSkipped`.
    public var maxLineBytes: Int
    /// The position is saved at most this often (and always on stop).
    public var positionSaveInterval: Duration
    /// Pass on only the first failure per (run id, model); see `LogFailureDeduplicator`.
    public var deduplicateRuns: Bool
    /// Use inotify when the system has it; false forces polling (for tests and odd filesystems).
    public var useInotify: Bool

    public init(directory: String, profile: String = "", positionFile: String? = nil) {
        self.directory = directory
        self.profile = profile
        self.positionFile = positionFile
        self.pollInterval = .seconds(1)
        self.fallbackPollInterval = .milliseconds(50)
        self.maxLineBytes = 1 << 20
        self.positionSaveInterval = .seconds(1)
        self.deduplicateRuns = true
        self.useInotify = true
    }

    /// The file OpenClaw writes to on the local date of `date`.
    public func logFilePath(for date: Date) -> String {
        LogFileNaming(directory: directory, profile: profile).path(for: date)
    }
}
