import FoundationEssentials

/// The healer's whole configuration. Field names are the config file's keys (the seed plugin's keys
/// keep their names, defaults and ranges; the new keys sit in their own groups). Paths are stored as
/// written; `ConfigLoader` expands `~` when it loads a file.
public struct HealConfig: Sendable, Equatable, Codable {
    public var modelOrder: [ModelID] = [
        "anthropic/claude-opus-4-6",
        "openai-codex/gpt-5.2",
        "google-gemini-cli/gemini-2.5-flash",
    ]
    /// Ceiling of every model cooldown, 1...10080.
    public var cooldownMinutes: Int = 300
    public var probeEnabled: Bool = true
    /// Minimum spacing of probes of one model, >= 60.
    public var probeIntervalSec: Int = 300
    public var dryRun: Bool = false
    public var stateFile: String = "~/.openclaw/workspace/memory/self-heal-state.json"
    public var statusFile: String = "~/.openclaw/workspace/memory/self-heal-status.json"
    public var sessionsFile: String = "~/.openclaw/agents/main/sessions/sessions.json"
    public var configFile: String = "~/.openclaw/openclaw.json"
    public var configBackupsDir: String = "~/.openclaw/backups/openclaw.json"
    public var metricsFile: String = "~/.aahp/metrics.jsonl"
    /// Empty means "next to the state file, self-heal-audit.jsonl".
    public var auditFile: String = ""
    public var autoFix = AutoFix()
    public var server = Server()
    public var monitor = Monitor()
    public var openclaw = OpenClaw()
    public var restartBudget = RestartBudget()
    public var probe = Probe()
    public var retention = Retention()
    public var gateway = GatewayRules()
    public var flap = Flap()
    public var notify = Notify()

    public init() {}

    public struct AutoFix: Sendable, Equatable, Codable {
        public var patchSessionPins: Bool = true
        public var disableFailingCrons: Bool = false
        public var disableFailingPlugins: Bool = false
        public var restartWhatsappOnDisconnect: Bool = true
        /// Consecutive disconnected ticks before a restart, 1...10.
        public var whatsappDisconnectThreshold: Int = 2
        /// >= 60.
        public var whatsappMinRestartIntervalSec: Int = 300
        /// Distinct failed runs before a job is disabled, 1...20.
        public var cronFailThreshold: Int = 3
        /// >= 300.
        public var issueCooldownSec: Int = 21600
        /// `owner/repo`; empty: no issue is filed (only the audit records it).
        public var issueRepo: String = ""
        /// >= 60.
        public var pluginDisableCooldownSec: Int = 3600
        public init() {}
    }

    public struct Server: Sendable, Equatable, Codable {
        public var listen: String = "127.0.0.1:9477"
        /// Empty means "next to the state file, self-heal.token".
        public var tokenFile: String = ""
        public var maxConnections: Int = 1024
        /// Require the bearer token for GET endpoints too (always required off loopback).
        public var authenticateReads: Bool = false
        /// Host names (besides loopback names and addresses) requests may name in `Host` on a
        /// loopback bind; any other gets 421 (DNS rebinding).
        public var allowedHosts: [String] = []
        /// Seconds a client has to send a request body once its head is in, 1...300.
        public var bodyTimeoutSec: Int = 10
        public init() {}
    }

    public struct Monitor: Sendable, Equatable, Codable {
        /// Seconds between ticks, 1...3600.
        public var intervalSec: Int = 60
        public init() {}
    }

    public struct OpenClaw: Sendable, Equatable, Codable {
        public var bin: String = "openclaw"
        public var commandTimeoutSec: Int = 15
        public var logDir: String = "/tmp/openclaw"
        public var gatewayUrl: String = "http://127.0.0.1:18789"
        /// OpenClaw profile name ("" for the default): selects `openclaw-<profile>-DATE.log` and
        /// the `openclaw-gateway-<profile>.service` unit.
        public var profile: String = ""
        /// How session pins are changed: "rpc" (`gateway call sessions.patch`) or "file" (atomic
        /// edit of the legacy `sessionsFile`).
        public var sessionPatch: String = "rpc"
        /// OpenClaw's own channel health monitor gets this long to bring a dropped link back
        /// before the healer restarts the gateway.
        public var channelRestartGraceSec: Int = 600
        /// The most a command may print on stdout (and on stderr), in MiB; more is an error naming
        /// the command and the cap, never a cut document read as whole.
        public var maxOutputMiB: Int = 32
        public init() {}
    }

    public struct RestartBudget: Sendable, Equatable, Codable {
        public var maxRestarts: Int = 3
        public var windowSec: Int = 1800
        public var pauseSec: Int = 21600
        public init() {}
    }

    public struct Probe: Sendable, Equatable, Codable {
        /// Probes allowed per rolling hour, all models together.
        public var budgetPerHour: Int = 12
        public init() {}
    }

    /// How much the healer keeps on disk.
    public struct Retention: Sendable, Equatable, Codable {
        /// The audit log and the metrics file are rotated before a record would take them past
        /// this size, 65536...1073741824.
        public var logMaxBytes: Int = 16 * 1024 * 1024
        /// Rotated generations kept of each (`<file>.1` newest ... `<file>.N`), 1...100.
        public var logGenerations: Int = 5
        /// Config backups kept at most (the newest), 1...1000.
        public var configBackupsMax: Int = 20
        /// Config backups older than this many days are removed, 1...3650.
        public var configBackupsMaxAgeDays: Int = 30
        public init() {}
    }
}
