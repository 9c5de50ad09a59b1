/// What came of a decision or an event of the healer's own, as the audit log, `/events` and a
/// pending verification write it (`outcome`, `commandOutcome`).
public enum AuditOutcome: String, Sendable, Equatable, Codable {
    /// The command said it worked.
    case executed
    case failed
    /// The command did not say it worked, but the action may still take effect (a restart still
    /// starting): only observing the gateway can tell.
    case underWay = "under-way"
    /// The gateway does not know the RPC.
    case unsupported
    /// Dry run: the exact commands, none run.
    case planned
    case refused
    /// Running in the background; its own record follows when it returns.
    case started
    /// An alert or a decision that runs nothing.
    case recorded
    /// The healer stopped before the outcome of an action under way was recorded.
    case interrupted
    case stopped, reloaded
    case maintenanceStarted = "maintenance-started"
    case maintenanceChanged = "maintenance-changed"
    case maintenanceEnded = "maintenance-ended"
    case notificationDropped = "notification-dropped"
    /// An incident changed (`IncidentTransition.Change`).
    case incidentOpened = "incident-opened", incidentFolded = "incident-folded"
    case incidentNotified = "incident-notified", incidentReminder = "incident-reminder"
    case incidentResolved = "incident-resolved"

    public init(_ change: IncidentTransition.Change) {
        switch change {
        case .opened: self = .incidentOpened
        case .folded: self = .incidentFolded
        case .notified: self = .incidentNotified
        case .reminder: self = .incidentReminder
        case .resolved: self = .incidentResolved
        }
    }
}
