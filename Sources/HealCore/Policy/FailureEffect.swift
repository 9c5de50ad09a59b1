/// What one failure did to the model it blamed (`POST /events` answers it as `verdict.effect`).
public enum FailureEffect: String, Sendable, Equatable, Codable {
    case cooled, extended
    case alreadyCooling = "already-cooling"
    /// The last available model of `modelOrder` stays active.
    case keptLastModel = "kept-last-model"
    /// The cooldown it asked for had already ended (an old log line).
    case stale
    case notAModelFailure = "not-a-model-failure"
    /// No model was named and no known session was on one: nothing cooled.
    case unattributed
    /// OpenClaw switched auth profiles for the same model: the model was not cooled.
    case profileRotated = "profile-rotated"
    /// One auth profile is cooling; the model stays available through the others.
    case profileCooled = "profile-cooled"
}
