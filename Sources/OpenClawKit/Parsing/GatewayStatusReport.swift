import HealCore

/// What `openclaw gateway status --json` says about the gateway's RPC reachability (its exit code is
/// 0 even when the gateway is down, so only `rpc.ok` counts).
public struct GatewayStatusReport: Sendable, Equatable {
    public var rpcOK: Bool
    public var rpcError: String?
    public var rpcURL: String?
    /// `service.runtime.status`: running|stopped|unknown.
    public var serviceRuntime: String?

    public init(rpcOK: Bool, rpcError: String? = nil, rpcURL: String? = nil, serviceRuntime: String? = nil) {
        self.rpcOK = rpcOK; self.rpcError = rpcError; self.rpcURL = rpcURL; self.serviceRuntime = serviceRuntime
    }

    /// One line for `GatewayObservation.detail`.
    public var summary: String {
        var text = rpcOK ? "gateway status: rpc ok" : "gateway status: rpc failed"
        if let rpcError { text += " (\(rpcError))" }
        if let rpcURL { text += " at \(rpcURL)" }
        if let serviceRuntime { text += ", service \(serviceRuntime)" }
        return text
    }
}
