extension Router {
    /// The router's own answers when no handler runs. The connection sends exactly these, so a
    /// test of a route table through `respond(to:)` sees what a client on a socket would.
    static func notFound(_ request: HTTPRequest) -> HTTPResponse {
        HTTPResponse.error(status: 404, code: "not_found", message: "no route for \(request.path)")
    }

    static func methodNotAllowed(_ request: HTTPRequest, allow: String) -> HTTPResponse {
        HTTPResponse.error(
            status: 405, code: "method_not_allowed",
            message: "\(request.method) is not allowed on \(request.path); allowed: \(allow)",
            headers: HTTPHeaders([("Allow", allow)]))
    }

    /// Answers a request in process, without a socket: routing, 404, 405 with `Allow`, and HEAD
    /// answered by the GET handler with its body dropped (its fields kept), as the connection
    /// does on the wire (where the encoder drops the body and keeps its length).
    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        switch resolve(method: request.method, path: request.path) {
        case .notFound:
            return Self.notFound(request)
        case .methodNotAllowed(let allow):
            return Self.methodNotAllowed(request, allow: allow)
        case .handler(let handler, let isHeadOfGet):
            var response: HTTPResponse
            switch handler {
            case .sync(let body): response = body(request)
            case .async(let body): response = await body(request)
            }
            if isHeadOfGet || request.method == "HEAD" { response.body = [] }
            return response
        }
    }
}
