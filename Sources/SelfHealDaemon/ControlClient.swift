import NetAddress
import RawHTTP

/// The CLI's client for a running daemon: one request per connection with a deadline, on the
/// house's one HTTP client (RawHTTP's `HTTPClient`, the server's own framing), so `status`,
/// `reload`, `probe` and `pause` need nothing beyond the daemon itself.
public struct ControlClient: Sendable {
    public typealias Response = HTTPClientResponse

    public var host: String
    public var port: Int
    /// Seconds for connecting, and again for sending the request and reading the answer.
    public var timeout: Int

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// `url` is `http://HOST[:PORT]` (a path, if any, is ignored); the authority is read with the
    /// listen-address grammar, so whatever `server.listen` accepts can be reached.
    public init(url: String, timeout: Int = 30) throws {
        let invalid = Failure(description: "--url: expected http://HOST:PORT, got '\(url)'")
        guard url.lowercased().hasPrefix("http://") else { throw invalid }
        let rest = url.dropFirst("http://".count)
        let authority = String(rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" })
        guard !authority.isEmpty, !authority.contains("@") else { throw invalid }
        let hasPort = authority.hasPrefix("[") ? authority.contains("]:") : authority.contains(":")
        switch ListenAddress.parse(hasPort ? authority : authority + ":80") {
        case .success(let address):
            guard address.port > 0 else { throw invalid }
            self.host = address.host
            self.port = address.port
        case .failure(let error):
            throw Failure(description: "--url: \(error), got '\(url)'")
        }
        self.timeout = max(1, timeout)
    }

    /// `host:port`, an IPv6 address in brackets (RFC 9112 section 3.2).
    var authority: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    public func request(_ method: String, _ target: String, token: String? = nil, body: [UInt8] = []) throws -> Response {
        var headers = [("Accept", "application/json")]
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        let client = HTTPClient(connectTimeoutMs: Int32(clamping: timeout * 1000), readTimeoutMs: Int32(clamping: timeout * 1000),
                                maxResponseBytes: 64 << 20, userAgent: "openclaw-self-heal-cli")
        switch client.send(method: method, host: host, port: port, target: target, headers: headers, body: body) {
        case .success(let response):
            return response
        case .failure(.refused):
            throw Failure(description: "cannot connect to \(authority): connection refused (is the daemon running?)")
        case .failure(.timedOut(let why)):
            throw Failure(description: "the daemon did not answer in time: \(why)")
        case .failure(.failed(let why)):
            throw Failure(description: "\(authority): \(why)")
        }
    }
}
