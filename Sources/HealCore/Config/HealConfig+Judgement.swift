extension HealConfig {
    /// When the gateway counts as wedged, how long a restart may take, and how long the healer
    /// waits to see a disruptive action work before it calls it `did-not-help`.
    public struct GatewayRules: Sendable, Equatable, Codable {
        /// Consecutive ticks with RPC and probes failing (unit active or unknown) before a restart, 1...100.
        public var downTicks: Int = 5
        /// … and for at least this long, 0...86400.
        public var downWindowSec: Int = 300
        /// Own timeout of `openclaw gateway restart`, 30...1800: current versions follow startup for
        /// up to 5 minutes before they answer. Running past it means "outcome unknown", never a
        /// second restart.
        public var restartTimeoutSec: Int = 360
        /// A gateway restart, cron disable or plugin disable must show its effect within this long, 30...86400.
        public var verifyWindowSec: Int = 600
        /// A WhatsApp channel stop/start must bring the link back within this long before a gateway
        /// restart follows, 10...3600.
        public var channelRestartVerifySec: Int = 120
        /// OpenClaw's crash-loop breaker: this many boots within `breakerWindowSec` put the gateway
        /// in safe mode. The healer never makes the boot that would reach it. 2...20.
        public var breakerBoots: Int = 3
        /// 60...86400.
        public var breakerWindowSec: Int = 300
        public init() {}
    }

    /// A link or gateway that goes down and up again more than `count` times within `windowSec`
    /// is flapping; it stops flapping after `quietSec` without a drop.
    public struct Flap: Sendable, Equatable, Codable {
        /// 1...100.
        public var count: Int = 4
        /// 60...604800.
        public var windowSec: Int = 1800
        /// 60...604800.
        public var quietSec: Int = 1800
        public init() {}
    }
}
