import FoundationEssentials
import HealCore
import RawHTTP

extension ControlRoutes {
    /// `GET /` and `GET /ui`: the status page (see `StatusPage`), from the same snapshot `/status`
    /// serves and the last decisions of the audit log.
    func statusPage() async -> HTTPResponse {
        let snapshot = await healer.snapshot()
        let body = await healer.renderedStatus(.json)
        var json: [String: JSON5Value] = [:]
        if case .object(let parts)? = try? JSON5Value.parseJSON(body) { json = parts }
        let decisions = await healer.auditRecords(since: nil, limit: StatusPage.decisionCount)
        let html = StatusPage.render(snapshot, json: json, decisions: decisions)
        var headers = HTTPHeaders()
        headers.set("Content-Type", "text/html; charset=utf-8")
        headers.set("Content-Security-Policy", StatusPageStyle.contentSecurityPolicy)
        headers.set("X-Content-Type-Options", "nosniff")
        headers.set("X-Frame-Options", "DENY")
        headers.set("Referrer-Policy", "no-referrer")
        headers.set("Cache-Control", "no-store")
        return HTTPResponse(status: 200, headers: headers, body: Array(html.utf8))
    }
}
