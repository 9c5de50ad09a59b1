import Glibc
import NetAddress
@testable import RawHTTP

/// A blocking loopback client for tests: raw bytes out, responses parsed back, with a receive
/// timeout so a test can never hang on a server that does not answer.
/// Used by one test at a time and handed between threads strictly in sequence (awaited), hence
/// `@unchecked Sendable`.
final class TestClient: @unchecked Sendable {
    struct Response {
        var status: Int
        var headers: HTTPHeaders
        var body: [UInt8]
        var bodyText: String { String(decoding: body, as: UTF8.self) }
    }

    enum Failure: Error, CustomStringConvertible {
        case system(String, Int32)
        case closedBeforeResponse(received: String)
        case malformed(String)

        var description: String {
            switch self {
            case .system(let call, let code): return "\(call): \(String(cString: strerror(code)))"
            case .closedBeforeResponse(let received): return "connection closed before a response; got \(received.debugDescription)"
            case .malformed(let text): return "malformed response: \(text)"
            }
        }
    }

    let fd: Int32
    private var pending: [UInt8] = []

    /// Connects to `address` as printed by `HTTPServer.boundAddress` (`127.0.0.1:1` or `[::1]:1`).
    init(_ address: String, receiveTimeoutSeconds: Int = 5) throws {
        let listen = try ListenAddress.parse(address).get()
        let host = listen.host, port = listen.port
        let isIPv6 = host.contains(":")
        fd = socket(isIPv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Failure.system("socket", errno) }
        var timeout = timeval(tv_sec: receiveTimeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let status: Int32
        if isIPv6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = UInt16(port).bigEndian
            inet_pton(AF_INET6, host, &address.sin6_addr)
            status = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = UInt16(port).bigEndian
            inet_pton(AF_INET, host, &address.sin_addr)
            status = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
        guard status == 0 else {
            let code = errno
            Glibc.close(fd)
            throw Failure.system("connect(\(address))", code)
        }
    }

    deinit {
        Glibc.close(fd)
    }

    func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw Failure.system("send", errno) }
            offset += sent
        }
    }

    /// Closes our write side (the request is complete; the server may still answer).
    func finishSending() {
        shutdown(fd, Int32(SHUT_WR))
    }

    /// Reads one response. `head`: the response to a HEAD request, whose body is never sent.
    func readResponse(head: Bool = false) throws -> Response {
        let headEnd = try readUntilHeadEnd()
        let headText = String(decoding: pending[..<headEnd], as: UTF8.self)
        pending.removeFirst(headEnd + 4)
        var lines = headText.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        let statusLine = lines.removeFirst()
        let statusParts = statusLine.split(separator: " ", maxSplits: 2)
        guard statusParts.count >= 2, statusParts[0] == "HTTP/1.1", let status = Int(statusParts[1]) else {
            throw Failure.malformed(statusLine)
        }
        var headers = HTTPHeaders()
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw Failure.malformed(line) }
            headers.add(String(line[..<colon]), String(line[line.index(after: colon)...].drop { $0 == " " }))
        }
        let length = head ? 0 : Int(headers["Content-Length"] ?? "0") ?? 0
        while pending.count < length {
            guard try receiveMore() else { throw Failure.closedBeforeResponse(received: String(decoding: pending, as: UTF8.self)) }
        }
        let body = Array(pending[..<length])
        pending.removeFirst(length)
        return Response(status: status, headers: headers, body: body)
    }

    /// True when the server closes the connection (EOF or reset) before the receive timeout,
    /// with no further bytes.
    func isClosedByServer() -> Bool {
        guard pending.isEmpty else { return false }
        var byte: UInt8 = 0
        let count = recv(fd, &byte, 1, 0)
        return count == 0 || (count < 0 && errno == ECONNRESET)
    }

    /// Reads until EOF, reset or timeout; returns how many bytes arrived.
    func drainAll() -> Int {
        var total = pending.count
        pending.removeAll()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &chunk, chunk.count, 0)
            if count <= 0 { return total }
            total += count
        }
    }

    private func readUntilHeadEnd() throws -> Int {
        var searchFrom = 0
        while true {
            if pending.count >= 4 {
                for index in searchFrom...(pending.count - 4)
                where pending[index] == 13 && pending[index + 1] == 10 && pending[index + 2] == 13 && pending[index + 3] == 10 {
                    return index
                }
                searchFrom = pending.count - 3
            }
            guard try receiveMore() else {
                throw Failure.closedBeforeResponse(received: String(decoding: pending, as: UTF8.self))
            }
        }
    }

    private func receiveMore() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = recv(fd, &chunk, chunk.count, 0)
        if count > 0 {
            pending.append(contentsOf: chunk[..<count])
            return true
        }
        if count == 0 || errno == ECONNRESET { return false }
        throw Failure.system("recv", errno)
    }
}
