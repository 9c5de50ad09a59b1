import FoundationEssentials

/// What the follower has done so far, for `/status`.
public struct LogFollowerStats: Sendable, Codable, Equatable {
    /// How the follower learns about new lines.
    public enum WakeupMode: String, Sendable, Codable, Equatable {
        /// inotify on the log directory, plus a slow safety poll.
        case inotify
        /// A fast poll only (inotify unavailable, or the directory does not exist yet).
        case poll
        /// Not following (not started, stopped, or a one-shot scan).
        case none
    }

    public var linesRead = 0
    public var bytesRead = 0
    /// Failures handed to the callback.
    public var eventsEmitted = 0
    /// Failures dropped as repeats of one run's failure on one model.
    public var duplicatesSuppressed = 0
    /// Lines longer than `maxLineBytes`, dropped unread.
    public var linesSkipped = 0
    /// Lines that looked like failures but could not be read (damaged JSON).
    public var parseErrors = 0
    /// The file being followed (its name when it was opened, even if it was renamed since).
    public var currentFile: String?
    /// The offset of the first line not yet read in `currentFile`.
    public var currentOffset = 0
    /// Bytes of `currentFile` not yet read when last checked.
    public var lagBytes = 0
    public var rotations = 0
    public var truncations = 0
    public var rollovers = 0
    public var wakeupMode: WakeupMode = .none
    /// Why inotify is not in use, when it was wanted but could not be set up (the follower polls).
    public var watchError: String?
    /// The time of the last failure handed on.
    public var lastEventAt: Date?
    /// The last problem met (a file that cannot be read, a position that cannot be saved, a damaged
    /// line), kept for display; following goes on.
    public var lastError: String?

    public init() {}
}
