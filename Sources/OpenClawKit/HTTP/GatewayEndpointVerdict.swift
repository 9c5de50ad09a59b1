/// What one gateway HTTP endpoint (`/healthz`, `/readyz`) answered.
public enum GatewayEndpointVerdict: Sendable, Equatable {
    /// The gateway's own JSON came back; `healthy` is the endpoint's verdict (live / ready).
    case gateway(status: Int, healthy: Bool, body: String)
    /// Something answered, but not with the gateway's JSON: the Control UI's catch-all 200 page,
    /// a proxy's error page, or another service on the port.
    case foreign(status: Int, excerpt: String)
    /// Nothing listens there.
    case refused(String)
    /// No connection or no answer in time.
    case timedOut(String)
    /// Anything else (bad URL, name resolution, a broken answer).
    case failed(String)

    /// One phrase for `GatewayObservation.detail`.
    public var summary: String {
        switch self {
        case .gateway(let status, _, let body): return "\(status) \(body)"
        case .foreign(let status, let excerpt):
            return "\(status) but not the gateway's JSON (Control UI catch-all or another service?): '\(excerpt)'"
        case .refused(let why), .timedOut(let why), .failed(let why): return why
        }
    }
}
