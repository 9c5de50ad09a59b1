import FoundationEssentials

/// What the healer handed to the journal since its writer last took work: the newest state (it
/// replaces the one before: only the newest is worth writing), and every audit record and heal
/// event in the order given (each is a line of its own). The status snapshot goes to a lane of
/// its own (`StatusWrite`).
struct JournalBatch: Sendable {
    struct StateWrite: Sendable {
        var state: HealState
        var path: String
        /// Written whole, the delta log folded in (see `Journal.submit(state:path:whole:)`).
        var whole = false
    }

    struct StatusWrite: Sendable {
        var path: String
        var build: @Sendable () -> StatusSnapshot
    }

    struct AuditWrite: Sendable {
        var record: AuditRecord
        var path: String
        var rotation: LogRotation?
    }

    struct MetricWrite: Sendable {
        var event: MetricEvent
        var time: Date
        var dryRun: Bool
        var path: String
        var rotation: LogRotation?
    }

    var state: StateWrite?
    var audit: [AuditWrite] = []
    var metrics: [MetricWrite] = []

    var isEmpty: Bool { state == nil && audit.isEmpty && metrics.isEmpty }
}
