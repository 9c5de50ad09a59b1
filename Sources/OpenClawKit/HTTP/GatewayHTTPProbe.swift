import FoundationEssentials
import HealCore
import RawHTTP

/// Probes the gateway's unauthenticated health endpoints at `openclaw.gatewayUrl` (docs/OPENCLAW.md §4.7):
/// `/healthz` must answer `{"ok":true,"status":"live"}`, `/readyz` `{"ready":true,…}` (or `ok`).
/// The body is checked, not only the status: the Control UI answers 200 for any path.
public struct GatewayHTTPProbe: Sendable {
    public var connectTimeout: Duration
    public var readTimeout: Duration
    public var maxResponseBytes: Int

    public init(connectTimeout: Duration = .seconds(2), readTimeout: Duration = .seconds(3), maxResponseBytes: Int = 64 << 10) {
        self.connectTimeout = connectTimeout; self.readTimeout = readTimeout; self.maxResponseBytes = maxResponseBytes
    }

    /// Both endpoints, concurrently, folded into one observation:
    /// - `/healthz` with the gateway's JSON → `reachable: true`, `live` from the body;
    /// - connection refused → `reachable: false`, `live: false`;
    /// - a timeout, a foreign answer (catch-all page) or another failure → `reachable: nil`
    ///   (inconclusive: the observer then asks `gateway status --json`).
    /// A local `/readyz` with details that name safe mode sets `safeMode`.
    public func probe(baseURL: String) async -> GatewayObservation {
        async let health = check(path: "/healthz", baseURL: baseURL)
        async let readiness = fetch(path: "/readyz", baseURL: baseURL)
        let ready = await readiness
        var observation = Self.observation(healthz: await health, readyz: ready.verdict, baseURL: baseURL)
        if let details = ready.json?.object, GatewayEvidence.safeMode(details) { observation.safeMode = true }
        return observation
    }

    /// GETs one endpoint and judges the answer.
    public func check(path: String, baseURL: String) async -> GatewayEndpointVerdict {
        await fetch(path: path, baseURL: baseURL).verdict
    }

    /// GETs one endpoint: the verdict and, when the body is JSON, the body.
    func fetch(path: String, baseURL: String) async -> (verdict: GatewayEndpointVerdict, json: JSONNode?) {
        let url: GatewayURL
        do { url = try GatewayURL.parse(baseURL) } catch { return (.failed(error.description), nil) }
        let client = HTTPClient(connectTimeoutMs: Self.milliseconds(connectTimeout),
                                readTimeoutMs: Self.milliseconds(readTimeout), maxResponseBytes: maxResponseBytes)
        let outcome = await DedicatedThread.run(name: "probe \(path)") {
            client.send(host: url.host, port: url.port, target: url.basePath + path, headers: [("Accept", "application/json")])
        }
        switch outcome {
        case .failure(.refused(let why)): return (.refused(why), nil)
        case .failure(.timedOut(let why)): return (.timedOut(why), nil)
        case .failure(.failed(let why)): return (.failed(why), nil)
        case .success(let response):
            return (Self.judge(response, path: path), try? JSONNode.decode(Data(response.body)))
        }
    }

    static func judge(_ response: HTTPClientResponse, path: String) -> GatewayEndpointVerdict {
        let bodyText = String(decoding: response.body, as: UTF8.self)
        let compact = CLIJSON.excerpt(bodyText, limit: 120)
        guard let json = try? JSONNode.decode(Data(response.body)), json.isObject else {
            return .foreign(status: response.status, excerpt: CLIJSON.excerpt(bodyText, limit: 60))
        }
        if path.hasPrefix("/health") {
            guard let ok = json["ok"]?.bool, let status = json["status"]?.string else {
                return .foreign(status: response.status, excerpt: compact)
            }
            return .gateway(status: response.status, healthy: response.status == 200 && ok && status == "live", body: compact)
        }
        // /readyz: remote callers get only {"ready":false}; local ones get details.
        guard let ready = json["ready"]?.bool ?? json["ok"]?.bool else {
            return .foreign(status: response.status, excerpt: compact)
        }
        return .gateway(status: response.status, healthy: response.status == 200 && ready, body: compact)
    }

    static func observation(healthz: GatewayEndpointVerdict, readyz: GatewayEndpointVerdict, baseURL: String) -> GatewayObservation {
        var reachable: Bool?
        var live: Bool?
        switch healthz {
        case .gateway(_, let healthy, _): reachable = true; live = healthy
        case .refused: reachable = false; live = false
        case .timedOut: live = false
        case .foreign, .failed: break
        }
        var ready: Bool?
        if case .gateway(_, let healthy, _) = readyz {
            ready = healthy
            reachable = true
        }
        let detail = "\(baseURL) healthz: \(healthz.summary); readyz: \(readyz.summary)"
        return GatewayObservation(reachable: reachable, live: live, ready: ready, detail: detail)
    }

    private static func milliseconds(_ duration: Duration) -> Int32 {
        Int32(clamping: duration.clampedNanoseconds / 1_000_000)
    }
}
