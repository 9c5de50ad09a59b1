extension StatusSnapshot {
    public struct ModelStatus: Sendable, Equatable, Codable {
        public var id: String
        public var status: ModelAvailability
        public var cooldownRemainingSec: Int
        /// The failure class of the current cooldown.
        public var reason: String?
        /// Unix seconds the cooldown ends.
        public var cooldownUntil: Int?
        public var strikes: Int
        public var active: Bool
        public init(id: String, status: ModelAvailability, cooldownRemainingSec: Int, reason: String? = nil,
                    cooldownUntil: Int? = nil, strikes: Int = 0, active: Bool = false) {
            self.id = id; self.status = status; self.cooldownRemainingSec = cooldownRemainingSec
            self.reason = reason; self.cooldownUntil = cooldownUntil; self.strikes = strikes; self.active = active
        }
    }

    public struct WhatsAppStatus: Sendable, Equatable, Codable {
        /// connected | disconnected | unknown | not-configured | logged-out | conflict | gateway-unreachable
        public var status: String
        public var disconnectStreak: Int
        public var detail: String
        /// Unix seconds the current outage was first seen.
        public var disconnectedSince: Int?
        public init(status: String, disconnectStreak: Int, detail: String = "", disconnectedSince: Int? = nil) {
            self.status = status; self.disconnectStreak = disconnectStreak; self.detail = detail
            self.disconnectedSince = disconnectedSince
        }
    }

    public struct CronStatus: Sendable, Equatable, Codable {
        public var trackedJobs: Int
        public var failingJobs: [FailingJob]
        public init(trackedJobs: Int, failingJobs: [FailingJob]) {
            self.trackedJobs = trackedJobs; self.failingJobs = failingJobs
        }
    }

    public struct FailingJob: Sendable, Equatable, Codable {
        public var id: String
        public var name: String
        public var failedRuns: Int
        public var disabledByHealer: Bool
        public var autoDisabledReason: String?
        public var lastError: String?
        public init(id: String, name: String, failedRuns: Int, disabledByHealer: Bool,
                    autoDisabledReason: String? = nil, lastError: String? = nil) {
            self.id = id; self.name = name; self.failedRuns = failedRuns
            self.disabledByHealer = disabledByHealer; self.autoDisabledReason = autoDisabledReason
            self.lastError = lastError
        }
    }

    public struct ConfigSummary: Sendable, Equatable, Codable {
        public var dryRun: Bool
        public var probeEnabled: Bool
        public var cooldownMinutes: Int
        public var modelOrder: [String]
        public init(dryRun: Bool, probeEnabled: Bool, cooldownMinutes: Int, modelOrder: [String]) {
            self.dryRun = dryRun; self.probeEnabled = probeEnabled; self.cooldownMinutes = cooldownMinutes
            self.modelOrder = modelOrder
        }
    }

    public struct PluginsStatus: Sendable, Equatable, Codable {
        public var tracked: Int
        /// Ids of plugins whose status is `error` now.
        public var errored: [String]
        public var disabledByHealer: [String]
        public init(tracked: Int, errored: [String], disabledByHealer: [String]) {
            self.tracked = tracked; self.errored = errored; self.disabledByHealer = disabledByHealer
        }
    }

    public struct GatewayStatus: Sendable, Equatable, Codable {
        public var reachable: Bool?
        public var live: Bool?
        public var ready: Bool?
        public var detail: String
        /// Consecutive ticks it was seen down.
        public var downStreak: Int
        /// `gateway status --json` `rpc.ok`, the systemd unit's state, the process and its start.
        public var rpcOk: Bool?
        public var serviceState: String?
        public var pid: Int?
        public var startedAt: Int?
        public var suspended: Bool?
        public var safeMode: Bool?
        /// The HTTP probe disagrees with a gateway whose RPC answers (a wrong `gatewayUrl`?).
        public var probeFault: String?
        public init(reachable: Bool?, live: Bool?, ready: Bool?, detail: String, downStreak: Int = 0) {
            self.reachable = reachable; self.live = live; self.ready = ready; self.detail = detail
            self.downStreak = downStreak
        }
    }

    public struct RestartBudgetStatus: Sendable, Equatable, Codable {
        public var used: Int
        public var max: Int
        public var windowSec: Int
        public var remaining: Int
        public var paused: Bool
        /// Unix seconds.
        public var pausedUntil: Int?
        public var pauseReason: String?
        /// Unix seconds of the last restart.
        public var lastRestartAt: Int?
        public init(used: Int, max: Int, windowSec: Int, remaining: Int, paused: Bool, pausedUntil: Int? = nil,
                    pauseReason: String? = nil, lastRestartAt: Int? = nil) {
            self.used = used; self.max = max; self.windowSec = windowSec; self.remaining = remaining
            self.paused = paused; self.pausedUntil = pausedUntil; self.pauseReason = pauseReason
            self.lastRestartAt = lastRestartAt
        }
    }

    public struct SessionsRepinned: Sendable, Equatable, Codable {
        public var count: Int
        public var sessions: [RepinnedSession]
        public init(count: Int, sessions: [RepinnedSession]) { self.count = count; self.sessions = sessions }
    }

    public struct RepinnedSession: Sendable, Equatable, Codable {
        public var key: String
        public var original: String
        public var repinnedTo: String
        /// Unix seconds.
        public var at: Int
        /// Consecutive passing probes of the original (restored at 2).
        public var originalGoodProbes: Int
        public init(key: String, original: String, repinnedTo: String, at: Int, originalGoodProbes: Int) {
            self.key = key; self.original = original; self.repinnedTo = repinnedTo; self.at = at
            self.originalGoodProbes = originalGoodProbes
        }
    }

    public struct ProbesStatus: Sendable, Equatable, Codable {
        public var enabled: Bool
        public var budgetPerHour: Int
        public var usedLastHour: Int
        public var remaining: Int
        public var intervalSec: Int
        public init(enabled: Bool, budgetPerHour: Int, usedLastHour: Int, remaining: Int, intervalSec: Int) {
            self.enabled = enabled; self.budgetPerHour = budgetPerHour; self.usedLastHour = usedLastHour
            self.remaining = remaining; self.intervalSec = intervalSec
        }
    }

    public struct LastTick: Sendable, Equatable, Codable {
        /// Unix seconds (fractional).
        public var at: Double
        public var durationMs: Int
        public init(at: Double, durationMs: Int) { self.at = at; self.durationMs = durationMs }
    }

    public struct Counters: Sendable, Equatable, Codable {
        public var ticks: Int
        public var gatewayRestarts: Int
        public var healActions: [ActionCount]
        /// WhatsApp channel stop/start (and safe-mode starts) carried out.
        public var channelRestarts: Int = 0
        public init(ticks: Int, gatewayRestarts: Int, healActions: [ActionCount]) {
            self.ticks = ticks; self.gatewayRestarts = gatewayRestarts; self.healActions = healActions
        }
    }

    /// Heal actions by kind, result (ok | failed | planned | refused) and dry run.
    public struct ActionCount: Sendable, Equatable, Codable {
        public var action: String
        public var result: String
        public var dryRun: Bool
        public var count: Int
        public init(action: String, result: String, dryRun: Bool, count: Int) {
            self.action = action; self.result = result; self.dryRun = dryRun; self.count = count
        }
    }
}
