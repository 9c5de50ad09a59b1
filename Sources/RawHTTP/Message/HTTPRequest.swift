/// One request as the router hands it to a handler.
public struct HTTPRequest: Sendable {
    public var method: String
    /// The request target exactly as received (origin-form `/a?b`, absolute-form or `*`).
    public var target: String
    /// The path of the target, not percent-decoded, without the query; routing uses it.
    public var path: String
    /// Query parameters, percent-decoded (`+` as space); the last value of a repeated name wins.
    public var query: [String: String]
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    /// The decoded body (chunked framing removed).
    public var body: [UInt8]
    /// The peer's IP address as text (`"127.0.0.1"`, `"::1"`), or `"unix"` for a local socket.
    public var remoteAddress: String
    /// True for 127.0.0.0/8, ::1, ::ffff:127.0.0.0/104 and Unix-domain peers.
    public var isLoopbackPeer: Bool

    /// Builds a request the way the server does; `path` and `query` come from `target`.
    /// Handy for testing handlers without a socket.
    public init(
        method: String = "GET",
        target: String,
        version: HTTPVersion = .http11,
        headers: HTTPHeaders = HTTPHeaders(),
        body: [UInt8] = [],
        remoteAddress: String = "127.0.0.1",
        isLoopbackPeer: Bool = true
    ) {
        let parts = RequestTarget.split(target)
        self.method = method
        self.target = target
        self.path = parts.path
        self.query = parts.query
        self.version = version
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        self.isLoopbackPeer = isLoopbackPeer
    }
}
