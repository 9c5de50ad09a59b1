import FoundationEssentials

/// One cron job as the healer follows it: the last run it saw and the distinct failed runs since
/// the last success.
public struct CronTrack: Sendable, Equatable, Codable {
    public var name: String
    /// `state.lastRunAtMs` at the previous observation.
    public var lastSeenRunAtMs: Int64?
    /// `state.consecutiveErrors` at the previous observation.
    public var lastSeenConsecutiveErrors: Int?
    /// Distinct failed runs counted since the last success (connectivity failures excluded).
    public var failedRuns: Int
    public var lastFailureAt: Date?
    /// The last counted error, redacted and shortened.
    public var lastError: String?
    public var enabled: Bool
    public var disabledByUs: Bool
    public var disabledAt: Date?
    public var lastDisableAttemptAt: Date?
    /// When the last disable was carried out successfully. Nil while a disable is decided but has
    /// not reported success: a healer stopped mid-disable leaves `disabledByUs` set on a job that
    /// was never disabled, and this tells that apart from a job someone re-enabled.
    public var disableSucceededAt: Date?
    public var lastIssueAt: Date?
    /// `state.autoDisabled.reason` when OpenClaw itself disabled the job.
    public var autoDisabledReason: String?
    /// The condition last reported (so a report is made once, not every tick).
    public var reported: String?

    public init(name: String, lastSeenRunAtMs: Int64? = nil, lastSeenConsecutiveErrors: Int? = nil,
                failedRuns: Int = 0, lastFailureAt: Date? = nil, lastError: String? = nil,
                enabled: Bool = true, disabledByUs: Bool = false, disabledAt: Date? = nil,
                lastDisableAttemptAt: Date? = nil, disableSucceededAt: Date? = nil, lastIssueAt: Date? = nil,
                autoDisabledReason: String? = nil, reported: String? = nil) {
        self.name = name; self.lastSeenRunAtMs = lastSeenRunAtMs
        self.lastSeenConsecutiveErrors = lastSeenConsecutiveErrors; self.failedRuns = failedRuns
        self.lastFailureAt = lastFailureAt; self.lastError = lastError; self.enabled = enabled
        self.disabledByUs = disabledByUs; self.disabledAt = disabledAt
        self.lastDisableAttemptAt = lastDisableAttemptAt; self.disableSucceededAt = disableSucceededAt
        self.lastIssueAt = lastIssueAt
        self.autoDisabledReason = autoDisabledReason; self.reported = reported
    }
}
