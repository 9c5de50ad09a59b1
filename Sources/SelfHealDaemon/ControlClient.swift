import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The CLI's client for a running daemon: one HTTP/1.1 request per connection over a plain socket,
/// with a deadline, so `status`, `reload` and `probe` need nothing beyond the daemon itself.
public struct ControlClient: Sendable {
    public var host: String
    public var port: Int
    public var timeout: TimeInterval

    public struct Response: Sendable {
        public var status: Int
        public var headers: [String: String]
        public var body: [UInt8]
        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// `url` is `http://host:port` (a path, if any, is ignored).
    public init(url: String, timeout: TimeInterval = 30) throws {
        guard let components = URLComponents(string: url), components.scheme == "http",
              let host = components.host, !host.isEmpty else {
            throw Failure(description: "--url: expected http://HOST:PORT, got '\(url)'")
        }
        self.host = host
        self.port = components.port ?? 80
        self.timeout = timeout
    }

    /// `host:port`, an IPv6 address in brackets (RFC 9112 section 3.2).
    var hostField: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    public func request(_ method: String, _ target: String, token: String? = nil, body: [UInt8] = []) throws -> Response {
        let fd = try connectSocket()
        defer { close(fd) }
        var head = "\(method) \(target) HTTP/1.1\r\nHost: \(hostField)\r\nConnection: close\r\n"
        head += "Accept: application/json\r\nUser-Agent: openclaw-self-heal-cli\r\n"
        if let token { head += "Authorization: Bearer \(token)\r\n" }
        if method != "GET" || !body.isEmpty { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        try sendAll(fd, Array(head.utf8) + body)
        return try Self.parse(readAll(fd))
    }

    private func connectSocket() throws -> Int32 {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &result)
        guard status == 0, let first = result else {
            throw Failure(description: "cannot resolve \(host): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(result) }
        var lastError = "no address"
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let info = entry {
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype | Int32(SOCK_CLOEXEC.rawValue), 0)
            if fd >= 0 {
                var deadline = timeval(tv_sec: Int(timeout), tv_usec: 0)
                setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &deadline, socklen_t(MemoryLayout<timeval>.size))
                setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &deadline, socklen_t(MemoryLayout<timeval>.size))
                if connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { return fd }
                lastError = String(cString: strerror(errno))
                close(fd)
            }
            entry = info.pointee.ai_next
        }
        throw Failure(description: "cannot connect to \(host):\(port): \(lastError) (is the daemon running?)")
    }

    private func sendAll(_ fd: Int32, _ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "sending the request failed: \(String(cString: strerror(errno)))")
            }
            offset += sent
        }
    }

    private func readAll(_ fd: Int32) throws -> [UInt8] {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { return data }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK { throw Failure(description: "the daemon did not answer within \(Int(timeout)) s") }
                throw Failure(description: "reading the response failed: \(String(cString: strerror(errno)))")
            }
            data.append(contentsOf: buffer[0..<count])
            if data.count > 64 << 20 { throw Failure(description: "the response is larger than 64 MiB") }
        }
    }

    static func parse(_ data: [UInt8]) throws -> Response {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = data.firstRange(of: separator) else {
            throw Failure(description: "the daemon's response has no complete header section")
        }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw Failure(description: "the daemon's status line is malformed")
        }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimming(.whitespaces)
        }
        var body = Array(data[end.upperBound...])
        if let length = headers["content-length"].flatMap(Int.init), length < body.count {
            body = Array(body[..<length])
        }
        return Response(status: status, headers: headers, body: body)
    }
}
