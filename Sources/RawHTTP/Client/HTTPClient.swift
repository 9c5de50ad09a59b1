import CSocketShim
import Glibc

/// The house's one HTTP/1.1 client: one request per connection (`Connection: close`), a connect
/// timeout, one deadline for sending and reading, and a cap on the answer, read with the
/// server's own framing (`HTTPResponseReader`). Blocking (it polls): callers run it on a thread
/// of their own, never on the cooperative pool.
///
/// Used by the CLI's control client (`status`, `reload`, `probe`, `pause`) and by the gateway's
/// health probe.
public struct HTTPClient: Sendable {
    public var connectTimeoutMs: Int32
    public var readTimeoutMs: Int32
    public var maxResponseBytes: Int
    public var userAgent: String

    public init(connectTimeoutMs: Int32, readTimeoutMs: Int32, maxResponseBytes: Int, userAgent: String = "openclaw-self-heal") {
        self.connectTimeoutMs = connectTimeoutMs; self.readTimeoutMs = readTimeoutMs
        self.maxResponseBytes = maxResponseBytes; self.userAgent = userAgent
    }

    /// `host` as a name or a literal (an IPv6 one without brackets); `target` an origin-form
    /// path with its query; `headers` beyond Host, User-Agent, Connection and Content-Length.
    public func send(method: String = "GET", host: String, port: Int, target: String,
                     headers: [(String, String)] = [], body: [UInt8] = []) -> Result<HTTPClientResponse, HTTPClientError> {
        let authority = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        let fd: Int32
        switch connect(host: host, port: port, authority: authority) {
        case .success(let socket): fd = socket
        case .failure(let failure): return .failure(failure)
        }
        defer { close(fd) }

        var head = "\(method) \(target) HTTP/1.1\r\nHost: \(authority)\r\nUser-Agent: \(userAgent)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if method != "GET" && method != "HEAD" || !body.isEmpty { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        let deadline = monotonicNanoseconds() + UInt64(readTimeoutMs) * 1_000_000
        if let failure = sendAll(Array(head.utf8) + body, on: fd, deadline: deadline) { return .failure(failure) }
        return receive(on: fd, deadline: deadline, reader: HTTPResponseReader(expectsBody: method != "HEAD"))
    }

    private func receive(on fd: Int32, deadline: UInt64, reader initial: HTTPResponseReader) -> Result<HTTPClientResponse, HTTPClientError> {
        var reader = initial
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let now = monotonicNanoseconds()
            guard now < deadline else {
                return .failure(.timedOut(received.isEmpty ? "no answer within \(readTimeoutMs) ms"
                                                           : "answer incomplete after \(readTimeoutMs) ms"))
            }
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, Int32((deadline - now) / 1_000_000) + 1)
            if ready < 0 && errno == EINTR { continue }
            if ready <= 0 { continue }
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            var closed = false
            if count > 0 {
                received.append(contentsOf: chunk.prefix(count))
                if received.count > maxResponseBytes {
                    return .failure(.failed("answer larger than \(maxResponseBytes) bytes"))
                }
            } else if count == 0 {
                closed = true
            } else if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR {
                continue
            } else {
                if received.isEmpty && errno == ECONNRESET { return .failure(.failed("connection reset before an answer")) }
                closed = true
            }
            do {
                if case .complete(let response) = try reader.read(received, closed: closed) { return .success(response) }
            } catch {
                return .failure(.failed(received.isEmpty ? "connection closed without an answer" : "not an HTTP response (\(error))"))
            }
            if closed { return .failure(.failed("connection closed before the answer was complete")) }
        }
    }

    private func connect(host: String, port: Int, authority: String) -> Result<Int32, HTTPClientError> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(host, String(port), &hints, &list)
        guard rc == 0, let first = list else {
            return .failure(.failed("cannot resolve \(host): \(String(cString: gai_strerror(rc)))"))
        }
        defer { freeaddrinfo(first) }

        var lastFailure = HTTPClientError.failed("no address for \(host)")
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let info = entry {
            entry = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype | cshim_sock_nonblock() | cshim_sock_cloexec(),
                            info.pointee.ai_protocol)
            guard fd >= 0 else { lastFailure = .failed("socket: \(String(cString: strerror(errno)))"); continue }
            if Glibc.connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { return .success(fd) }
            guard errno == EINPROGRESS else {
                lastFailure = Self.connectFailure(errno, authority)
                close(fd)
                continue
            }
            var pfd = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            var ready: Int32
            repeat { ready = poll(&pfd, 1, connectTimeoutMs) } while ready < 0 && errno == EINTR
            if ready == 0 {
                lastFailure = .timedOut("connect to \(authority) timed out after \(connectTimeoutMs) ms")
                close(fd)
                continue
            }
            var soError: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &length)
            if soError == 0 { return .success(fd) }
            lastFailure = Self.connectFailure(soError, authority)
            close(fd)
        }
        return .failure(lastFailure)
    }

    private static func connectFailure(_ code: Int32, _ authority: String) -> HTTPClientError {
        code == ECONNREFUSED ? .refused("connection refused (\(authority))") : .failed("\(authority): \(String(cString: strerror(code)))")
    }

    private func sendAll(_ bytes: [UInt8], on fd: Int32, deadline: UInt64) -> HTTPClientError? {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent > 0 { offset += sent; continue }
            if errno == EINTR { continue }
            guard errno == EAGAIN || errno == EWOULDBLOCK else {
                return .failed("send: \(String(cString: strerror(errno)))")
            }
            let now = monotonicNanoseconds()
            guard now < deadline else { return .timedOut("could not send the request within \(readTimeoutMs) ms") }
            var pfd = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            _ = poll(&pfd, 1, Int32((deadline - now) / 1_000_000) + 1)
        }
        return nil
    }
}
