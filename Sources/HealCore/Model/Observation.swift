import FoundationEssentials

/// A fact the monitor tried to gather: either its value or why it could not be had (the fault is
/// shown in `/status`, and the policy takes no action on what it could not see).
public enum Observed<Value: Sendable & Equatable>: Sendable, Equatable {
    case value(Value)
    case unavailable(String)

    public var value: Value? { if case .value(let v) = self { return v } else { return nil } }
    public var fault: String? { if case .unavailable(let f) = self { return f } else { return nil } }
}

/// Everything one monitor tick learned, handed to the healer in one call.
public struct Observation: Sendable, Equatable {
    public var at: Date
    public var gateway: GatewayObservation
    public var whatsapp: Observed<WhatsAppObservation>
    public var cronJobs: Observed<[CronJobObservation]>
    public var plugins: Observed<[PluginObservation]>
    public var sessions: Observed<[SessionPin]>
    public var openclawConfig: ConfigFileObservation
    /// Wall time the gathering took.
    public var gatherDurationMs: Int
    /// Every file of OpenClaw's config the guard checked (`openclaw.json` and its `$include`s),
    /// and a digest of their bytes; the backups cover these files and a changed digest is
    /// attributed to its writer.
    public var openclawConfigFiles: ConfigFileSet = ConfigFileSet()

    public init(at: Date, gateway: GatewayObservation, whatsapp: Observed<WhatsAppObservation>,
                cronJobs: Observed<[CronJobObservation]>, plugins: Observed<[PluginObservation]>,
                sessions: Observed<[SessionPin]>, openclawConfig: ConfigFileObservation,
                gatherDurationMs: Int = 0) {
        self.at = at; self.gateway = gateway; self.whatsapp = whatsapp; self.cronJobs = cronJobs
        self.plugins = plugins; self.sessions = sessions; self.openclawConfig = openclawConfig
        self.gatherDurationMs = gatherDurationMs
    }
}

public struct GatewayObservation: Sendable, Equatable, Codable {
    /// nil: could not tell (e.g. the CLI is missing and the HTTP probe was inconclusive).
    public var reachable: Bool?
    /// `/healthz` answered `{"ok":true,"status":"live"}`.
    public var live: Bool?
    /// `/readyz` answered ready.
    public var ready: Bool?
    public var detail: String
    /// `gateway status --json` `rpc.ok`: true means the gateway is up, whatever `/healthz` says.
    public var rpcOk: Bool?
    /// The systemd unit's state as the CLI reports it.
    public var serviceState: GatewayServiceState = .unknown
    /// The exit status systemd last recorded for the gateway (a failed unit's cause; 78 = config).
    public var lastExitStatus: Int?
    /// The gateway process and when it started: a change of either is a new boot.
    public var pid: Int?
    public var startedAt: Date?
    /// An OpenClaw suspend lease is held or an update is in progress: the gateway is left alone.
    public var suspended: Bool = false
    /// OpenClaw's crash-loop breaker holds the gateway in safe mode (channel autostart suppressed).
    public var safeMode: Bool = false
    /// Why the HTTP probes disagree with a gateway whose RPC answers (shown in `/status`).
    public var probeFault: String?
    public init(reachable: Bool?, live: Bool? = nil, ready: Bool? = nil, detail: String = "") {
        self.reachable = reachable; self.live = live; self.ready = ready; self.detail = detail
    }
}

/// The default WhatsApp account as `channels status --json` reports it.
public struct WhatsAppObservation: Sendable, Equatable, Codable {
    /// false when the gateway answered but WhatsApp is not set up at all.
    public var present: Bool
    /// false when the CLI said the gateway is unreachable (legacy text or `gatewayReachable:false`):
    /// that is never a "disconnect".
    public var gatewayReachable: Bool
    public var accountId: String?
    public var enabled: Bool?
    public var configured: Bool?
    public var linked: Bool?
    public var running: Bool?
    public var connected: Bool?
    /// starting|healthy|stale|reconnecting|conflict|logged-out|stopped (newer versions).
    public var healthState: String?
    public var reconnectAttempts: Int?
    public var lastDisconnectAt: Date?
    public var lastDisconnectStatus: Int?
    public var loggedOut: Bool
    public var lastError: String?
    /// The account's own `lastConnectedAt` (with `lastDisconnectAt`, the gateway's evidence of when
    /// the outage began).
    public var lastConnectedAt: Date?
    /// `lastStartAt`: when the gateway last started this account.
    public var lastStartAt: Date?

    public init(present: Bool, gatewayReachable: Bool = true, accountId: String? = nil,
                enabled: Bool? = nil, configured: Bool? = nil, linked: Bool? = nil,
                running: Bool? = nil, connected: Bool? = nil, healthState: String? = nil,
                reconnectAttempts: Int? = nil, lastDisconnectAt: Date? = nil,
                lastDisconnectStatus: Int? = nil, loggedOut: Bool = false, lastError: String? = nil) {
        self.present = present; self.gatewayReachable = gatewayReachable; self.accountId = accountId
        self.enabled = enabled; self.configured = configured; self.linked = linked
        self.running = running; self.connected = connected; self.healthState = healthState
        self.reconnectAttempts = reconnectAttempts; self.lastDisconnectAt = lastDisconnectAt
        self.lastDisconnectStatus = lastDisconnectStatus; self.loggedOut = loggedOut
        self.lastError = lastError
    }
}

public struct CronJobObservation: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var enabled: Bool
    public var lastRunAtMs: Int64?
    /// `state.lastRunStatus`, else the back-compat `state.lastStatus`: ok|error|skipped.
    public var lastRunStatus: String?
    public var lastError: String?
    /// `state.lastErrorReason` (a failover reason) when the CLI gives it.
    public var lastErrorReason: String?
    public var consecutiveErrors: Int?
    /// `state.autoDisabled.reason` when OpenClaw itself disabled the job.
    public var autoDisabledReason: String?
    /// `payload.model` of an agent-turn job (`provider/model`), when it names one.
    public var model: String?

    public init(id: String, name: String, enabled: Bool, lastRunAtMs: Int64? = nil,
                lastRunStatus: String? = nil, lastError: String? = nil, lastErrorReason: String? = nil,
                consecutiveErrors: Int? = nil, autoDisabledReason: String? = nil, model: String? = nil) {
        self.id = id; self.name = name; self.enabled = enabled; self.lastRunAtMs = lastRunAtMs
        self.lastRunStatus = lastRunStatus; self.lastError = lastError
        self.lastErrorReason = lastErrorReason; self.consecutiveErrors = consecutiveErrors
        self.autoDisabledReason = autoDisabledReason; self.model = model
    }
}

public struct PluginObservation: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var enabled: Bool
    /// loaded|disabled|error.
    public var status: String
    public var error: String?
    /// bundled|global|workspace|config (nil: the CLI did not say).
    public var origin: String?
    /// The channels the plugin provides (`channelIds`): a channel's own plugin.
    public var channelIds: [String]
    public init(id: String, name: String, enabled: Bool, status: String, error: String? = nil,
                origin: String? = nil, channelIds: [String] = []) {
        self.id = id; self.name = name; self.enabled = enabled; self.status = status; self.error = error
        self.origin = origin; self.channelIds = channelIds
    }
}

/// A session's model selection (`providerOverride` + `modelOverride`), not the runtime `model` field.
public struct SessionPin: Sendable, Equatable, Codable {
    public var key: String
    public var providerOverride: String
    public var modelOverride: String
    /// "user", "auto", or nil (legacy: treated as user).
    public var modelOverrideSource: String?
    public init(key: String, providerOverride: String, modelOverride: String, modelOverrideSource: String? = nil) {
        self.key = key; self.providerOverride = providerOverride; self.modelOverride = modelOverride
        self.modelOverrideSource = modelOverrideSource
    }
    /// The pinned model: the override's provider and model as they stand (a model id that itself
    /// holds a `/` stays whole).
    public var model: ModelID { ModelID(provider: providerOverride, model: modelOverride) }
    /// A strict pin: `user`, or a legacy entry with an override and no source. Only these turn off
    /// OpenClaw's own failover, so only these are the healer's to move.
    public var isStrict: Bool { modelOverrideSource == nil || modelOverrideSource == "user" }
}

public enum ConfigFileObservation: Sendable, Equatable {
    case valid
    case missing
    case invalid(String)
}

/// Result of probing one model.
public struct ProbeResult: Sendable, Equatable, Codable {
    public var model: ModelID
    public var ok: Bool
    public var reason: FailureReason?
    public var latencyMs: Int
    public var detail: String
    public init(model: ModelID, ok: Bool, reason: FailureReason? = nil, latencyMs: Int = 0, detail: String = "") {
        self.model = model; self.ok = ok; self.reason = reason; self.latencyMs = latencyMs; self.detail = detail
    }
}
