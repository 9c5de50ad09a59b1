import FoundationEssentials
import HealCore
import OpenClawKit
import RawHTTP

/// The HTTP control surface: maps each endpoint onto the healer.
///
/// Reads (`/health`, `/status`, `/metrics`, `GET /events`) are open to loopback peers unless
/// `server.authenticateReads` is set; every other peer and every mutating endpoint needs the bearer
/// token.
public struct ControlRoutes: Sendable {
    let healer: Healer
    let gauge: HealthGauge
    let auth: BearerAuth
    let reloader: @Sendable () async -> ReloadOutcome
    let intervalSec: @Sendable () -> Int
    let authenticateReads: Bool

    public init(healer: Healer, gauge: HealthGauge, auth: BearerAuth, authenticateReads: Bool,
                intervalSec: @escaping @Sendable () -> Int,
                reloader: @escaping @Sendable () async -> ReloadOutcome) {
        self.healer = healer; self.gauge = gauge; self.auth = auth
        self.authenticateReads = authenticateReads; self.intervalSec = intervalSec; self.reloader = reloader
    }

    public func router() -> Router {
        var router = Router()
        router.add("GET", "/health", .sync { request in self.read(request) { self.health() } })
        router.add("GET", "/status", .async { request in await self.readAsync(request) { await self.status(request) } })
        router.add("GET", "/metrics", .async { request in
            await self.readAsync(request) { await self.metrics() }
        })
        router.add("GET", "/events", .async { request in await self.readAsync(request) { await self.listEvents(request) } })
        router.add("POST", "/events", .async { request in await self.write(request) { await self.postEvent(request) } })
        router.add("POST", "/reload", .async { request in await self.write(request) { await self.reload() } })
        router.add("POST", "/probe", .async { request in await self.write(request) { await self.probe(request) } })
        router.add("GET", "/", .async { request in await self.readAsync(request) { await self.statusPage() } })
        router.add("GET", "/ui", .async { request in await self.readAsync(request) { await self.statusPage() } })
        router.add("POST", "/pause", .async { request in await self.write(request) { await self.pause(request) } })
        router.add("POST", "/resume", .async { request in await self.write(request) { await self.resume() } })
        return router
    }

    // MARK: access

    private func denied(_ request: HTTPRequest) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.set("WWW-Authenticate", "Bearer realm=\"openclaw-self-heal\"")
        let message = request.headers["Authorization"] == nil
            ? "this endpoint needs Authorization: Bearer <token> (the token is in server.tokenFile)"
            : "the bearer token is wrong"
        return .error(status: 401, code: "unauthorized", message: message, headers: headers)
    }

    private func readAllowed(_ request: HTTPRequest) -> Bool {
        if request.isLoopbackPeer && !authenticateReads { return true }
        return auth.authorizes(headerValue: request.headers["Authorization"])
    }

    private func read(_ request: HTTPRequest, _ body: () -> HTTPResponse) -> HTTPResponse {
        readAllowed(request) ? body() : denied(request)
    }

    private func readAsync(_ request: HTTPRequest, _ body: () async -> HTTPResponse) async -> HTTPResponse {
        readAllowed(request) ? await body() : denied(request)
    }

    private func write(_ request: HTTPRequest, _ body: () async -> HTTPResponse) async -> HTTPResponse {
        auth.authorizes(headerValue: request.headers["Authorization"]) ? await body() : denied(request)
    }

    // MARK: endpoints

    func health() -> HTTPResponse {
        if let problem = gauge.problem(now: Date(), intervalSec: intervalSec()) {
            return .error(status: 503, code: "unhealthy", message: problem)
        }
        return .json(string: #"{"status":"ok"}"#)
    }

    func status(_ request: HTTPRequest) async -> HTTPResponse {
        let format = StatusFormat.negotiate(accept: request.headers["Accept"], formatParameter: request.query["format"])
        switch format {
        case .prometheus: return await metrics()
        case .json:
            let pretty = request.query["pretty"] != nil
            let body = await healer.renderedStatus(pretty ? .prettyJSON : .json)
            guard !body.isEmpty else {
                return .error(status: 500, code: "encoding_failed", message: "the status snapshot could not be encoded")
            }
            return .json(body)
        }
    }

    func metrics() async -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.set("Content-Type", PrometheusRenderer.contentType)
        return HTTPResponse(status: 200, headers: headers, body: await healer.renderedStatus(.prometheus))
    }

    func listEvents(_ request: HTTPRequest) async -> HTTPResponse {
        let query: EventsQuery
        do {
            query = try EventsQuery(parameters: request.query)
        } catch {
            return .error(status: 400, code: "bad_query", message: error.message)
        }
        let records = await healer.auditRecords(since: query.since, limit: query.limit)
        guard let data = try? AuditLog.encoder().encode(EventsPage(events: records)) else {
            return .error(status: 500, code: "encoding_failed", message: "the audit records could not be encoded")
        }
        return .json(Array(data))
    }

    func postEvent(_ request: HTTPRequest) async -> HTTPResponse {
        let parsed: FailureEventBody.Parsed
        do {
            parsed = try FailureEventBody.parse(request.body, now: Date())
        } catch {
            return .error(status: 400, code: "bad_event", message: error.message)
        }
        switch parsed {
        case .ignored(let reason):
            return .json(status: 202, JSONBody.encode(EventAnswer.ignored(reason)))
        case .failure(let event):
            return .json(status: 202, JSONBody.encode(EventAnswer(await healer.ingest(event))))
        }
    }

    func reload() async -> HTTPResponse {
        switch await reloader() {
        case .applied(let changed, let origin):
            let pending = changed.filter(ReloadApplied.needsRestart)
            return .json(JSONBody.encode(ReloadApplied(changed: changed, source: origin, restartRequired: pending)))
        case .rejected(let errors):
            let body = ReloadRejected(error: "invalid_config",
                                      message: "the new config has \(errors.count) error(s); the running config is unchanged",
                                      errors: errors)
            return .json(status: 422, JSONBody.encode(body))
        }
    }

    func probe(_ request: HTTPRequest) async -> HTTPResponse {
        var model: ModelID?
        if let named = request.query["model"] {
            let known = await healer.config.modelOrder
            guard let id = ModelID(named), known.contains(id) else {
                return .error(status: 404, code: "unknown_model",
                              message: "model '\(named)' is not in modelOrder (\(known.map(\.description).joined(separator: ", ")))")
            }
            model = id
        }
        let results = await healer.probe(model: model)
        return .json(JSONBody.encode(ProbeResponse(results: results)))
    }
}

public enum ReloadOutcome: Sendable {
    case applied(changed: [String], origin: String)
    case rejected([String])
}

struct ReloadApplied: Encodable {
    var changed: [String]
    var source: String
    /// Changed keys that only take effect at the next start (the listener and the log follower
    /// are set up once).
    var restartRequired: [String]

    static func needsRestart(_ key: String) -> Bool {
        key.hasPrefix("server.") || key == "openclaw.logDir" || key == "openclaw.profile"
    }
}
struct ReloadRejected: Encodable { var error: String; var message: String; var errors: [String] }
struct ProbeResponse: Encodable { var results: [ProbeResult] }
struct EventsPage: Encodable { var events: [AuditRecord] }
