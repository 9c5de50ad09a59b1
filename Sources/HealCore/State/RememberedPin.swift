import FoundationEssentials

/// A session the healer moved off a cooled model: what it was pinned to before, so the pin can be
/// put back once that model has recovered.
public struct RememberedPin: Sendable, Equatable, Codable {
    /// The model the session was pinned to before the healer touched it.
    public var original: ModelID
    /// The model the healer pinned it to.
    public var repinnedTo: ModelID
    /// When the healer first moved it.
    public var at: Date
    /// Last time the healer tried to change this session's pin (repin or restore), for retry spacing.
    public var lastAttemptAt: Date
    /// Last attempt to put the original pin back; the memory is dropped when one succeeds, so a
    /// value here means a restore failed or was interrupted and is retried after a pause.
    public var lastRestoreAttemptAt: Date?
    /// `modelOverrideSource` of the original pin (nil: a legacy entry without one, or a record
    /// saved before sources were kept).
    public var originalSource: String?
    /// false: the session had no override before (earlier versions pinned sessions a failure event
    /// named); such a session is restored with `model: null`, back to the agent's default. nil: a
    /// record saved before this was kept, treated as a pin.
    public var originalHadOverride: Bool?

    public init(original: ModelID, repinnedTo: ModelID, at: Date, lastAttemptAt: Date,
                lastRestoreAttemptAt: Date? = nil, originalSource: String? = nil,
                originalHadOverride: Bool? = true) {
        self.original = original; self.repinnedTo = repinnedTo; self.at = at
        self.lastAttemptAt = lastAttemptAt; self.lastRestoreAttemptAt = lastRestoreAttemptAt
        self.originalSource = originalSource; self.originalHadOverride = originalHadOverride
    }
}
