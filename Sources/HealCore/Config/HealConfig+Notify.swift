extension HealConfig {
    /// `notify.*`: who is told when an incident needs a human, and the dead-man heartbeat.
    public struct Notify: Sendable, Equatable, Codable {
        public var targets: [NotifyTarget] = []
        /// Reminder spacing while an incident stays open, 10...2592000 (10 s only makes sense to
        /// try a target out).
        public var repeatIntervalSec: Int = 14_400
        public var sendResolved: Bool = true
        /// An extra CA bundle (PEM) trusted for HTTPS targets besides the system store.
        public var caFile: String = ""
        /// A message not delivered within this long is dropped (with an audit record), 60...604800.
        public var maxAgeSec: Int = 86_400
        /// Per delivery attempt: connect timeout (a third of it, at least 1 s) and total time, 2...120.
        public var timeoutSec: Int = 10
        public var heartbeat = Heartbeat()
        public init() {}
    }

    public struct Heartbeat: Sendable, Equatable, Codable {
        /// GET every `intervalSec` while the healer is healthy; empty (and no `urlFile`): off.
        public var url: String = ""
        /// A file holding the URL instead (for ping URLs that are secrets).
        public var urlFile: String = ""
        /// 10...86400.
        public var intervalSec: Int = 300
        public init() {}
    }
}
