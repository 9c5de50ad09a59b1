/// One target's delivery figures, as `/status`, `status` and `/metrics` show them. Names and
/// figures only: never a URL or a token.
public struct NotifyTargetStatus: Sendable, Equatable, Codable {
    public var name: String
    public var kind: String
    public var minSeverity: String
    /// Messages waiting in the outbox.
    public var queued: Int
    public var delivered: Int
    /// Failed attempts (each retry counts).
    public var failed: Int
    /// Messages given up after `notify.maxAgeSec`.
    public var dropped: Int
    public var lastError: String?
    /// Unix seconds (like every time in the snapshot).
    public var lastErrorAt: Int?
    public var lastSuccessAt: Int?
    public var nextAttemptAt: Int?

    public init(name: String, kind: String, minSeverity: String, queued: Int = 0, delivered: Int = 0, failed: Int = 0,
                dropped: Int = 0, lastError: String? = nil, lastErrorAt: Int? = nil, lastSuccessAt: Int? = nil,
                nextAttemptAt: Int? = nil) {
        self.name = name; self.kind = kind; self.minSeverity = minSeverity; self.queued = queued
        self.delivered = delivered; self.failed = failed; self.dropped = dropped; self.lastError = lastError
        self.lastErrorAt = lastErrorAt; self.lastSuccessAt = lastSuccessAt; self.nextAttemptAt = nextAttemptAt
    }
}

/// The dead-man heartbeat's figures.
public struct HeartbeatStatus: Sendable, Equatable, Codable {
    public var enabled: Bool
    public var intervalSec: Int
    public var sent: Int
    public var failed: Int
    public var lastSuccessAt: Int?
    public var lastError: String?
    public init(enabled: Bool, intervalSec: Int, sent: Int = 0, failed: Int = 0, lastSuccessAt: Int? = nil, lastError: String? = nil) {
        self.enabled = enabled; self.intervalSec = intervalSec; self.sent = sent; self.failed = failed
        self.lastSuccessAt = lastSuccessAt; self.lastError = lastError
    }
}
