/// What the parser produces: one complete request, body decoded.
struct ParsedRequest: Equatable, Sendable {
    var method: String
    var target: String
    var version: HTTPVersion
    var headers: HTTPHeaders
    var body: [UInt8]
    /// Whether the client lets the connection stay open after this request (RFC 9112 section 9.3).
    var keepAlive: Bool
}
