import FoundationEssentials
import HealCore

/// What `openclaw gateway status --json` says about the gateway: its RPC reachability (its exit
/// code is 0 even when the gateway is down, so only `rpc.ok` counts), the systemd unit, the
/// process, and whether its owner holds it (a suspend lease, an update) or the breaker does.
public struct GatewayStatusReport: Sendable, Equatable {
    public var rpcOK: Bool
    public var rpcError: String?
    public var rpcURL: String?
    /// `service.runtime.status`: running|stopped|unknown.
    public var serviceRuntime: String?
    /// `service.runtime.state` (systemd ActiveState), else read from `status`.
    public var serviceState: GatewayServiceState = .unknown
    /// `service.runtime.subState`.
    public var subState: String?
    public var pid: Int?
    /// `service.runtime.lastExitStatus` / `exitStatus` / `execMainStatus`.
    public var lastExitStatus: Int?
    public var startedAt: Date?
    public var suspended = false
    public var safeMode = false
    public var version: String?

    public init(rpcOK: Bool, rpcError: String? = nil, rpcURL: String? = nil, serviceRuntime: String? = nil) {
        self.rpcOK = rpcOK; self.rpcError = rpcError; self.rpcURL = rpcURL; self.serviceRuntime = serviceRuntime
    }

    /// One line for `GatewayObservation.detail`.
    public var summary: String {
        var text = rpcOK ? "gateway status: rpc ok" : "gateway status: rpc failed"
        if let rpcError { text += " (\(rpcError))" }
        if let rpcURL { text += " at \(rpcURL)" }
        if let serviceRuntime { text += ", service \(serviceRuntime)" }
        if serviceState != .unknown { text += ", unit \(serviceState.rawValue)" + (subState.map { "/\($0)" } ?? "") }
        if let pid { text += ", pid \(pid)" }
        if let lastExitStatus { text += ", last exit status \(lastExitStatus)" }
        if suspended { text += ", suspended" }
        if safeMode { text += ", safe mode" }
        return text
    }
}
