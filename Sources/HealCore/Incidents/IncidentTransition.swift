/// What happened to an incident in one evaluation; each becomes an audit record.
public struct IncidentTransition: Sendable, Equatable {
    public enum Change: String, Sendable {
        /// Opened; `notice` is its firing message unless it was held (maintenance) or folded.
        case opened
        /// Folded into a gateway incident: no message of its own.
        case folded
        /// Its firing message went out later (after maintenance, or unfolded).
        case notified
        case reminder
        case resolved
    }

    public var change: Change
    public var incident: OpenIncident
    /// The message queued for it, if any.
    public var notice: IncidentNotice?
    /// Why no message went out, when none did.
    public var quietReason: String?
}
