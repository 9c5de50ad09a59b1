import CSocketShim
import Foundation
import Glibc
import Synchronization

/// A tiny HTTP server on 127.0.0.1:<free port> standing in for the gateway's health endpoints.
/// Each path gets a canned reply; unknown paths get `fallback` (by default the Control UI's catch-all
/// 200 HTML page). Runs on its own thread and stops in `stop()` (or when released).
final class FakeHealthServer: @unchecked Sendable {
    enum Reply: Sendable {
        case respond(status: Int, body: String, chunked: Bool = false)
        /// Accept, read the request, never answer.
        case hang
    }

    static let controlUIPage = "<!doctype html><html><head><title>OpenClaw Control</title></head><body><div id=app></div></body></html>"
    static let live = Reply.respond(status: 200, body: #"{"ok":true,"status":"live"}"#)
    static let ready = Reply.respond(status: 200, body: #"{"ready":true,"checks":{"channels":"ok"}}"#)

    let port: Int
    var baseURL: String { "http://127.0.0.1:\(port)" }
    private let listener: Int32
    private let routes: Mutex<[String: Reply]>
    private let fallback: Reply
    private let stopped = Atomic<Bool>(false)
    private let done = DispatchSemaphore(value: 0)
    private let requests = Mutex<[String]>([])

    init(routes: [String: Reply] = ["/healthz": live, "/readyz": ready],
         fallback: Reply = .respond(status: 200, body: controlUIPage)) throws {
        self.routes = Mutex(routes)
        self.fallback = fallback
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | cshim_sock_cloexec(), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else { close(fd); throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    deinit { stop() }

    func setRoute(_ path: String, _ reply: Reply) { routes.withLock { $0[path] = reply } }

    /// Paths requested so far, in order.
    var requestedPaths: [String] { requests.withLock { $0 } }

    func stop() {
        if stopped.exchange(true, ordering: .acquiringAndReleasing) { return }
        done.wait()
        close(listener)
    }

    private func serve() {
        var hung: [Int32] = []
        while !stopped.load(ordering: .acquiring) {
            var pfd = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 20) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            let path = readRequestPath(client)
            requests.withLock { $0.append(path) }
            switch routes.withLock({ $0[path] }) ?? fallback {
            case .hang:
                hung.append(client)
            case .respond(let status, let body, let chunked):
                var head = "HTTP/1.1 \(status) \(status == 200 ? "OK" : "Status")\r\nContent-Type: application/json\r\nConnection: close\r\n"
                var payload = Array(body.utf8)
                if chunked {
                    head += "Transfer-Encoding: chunked\r\n\r\n"
                    let half = payload.count / 2
                    let parts = [Array(payload[..<half]), Array(payload[half...])].filter { !$0.isEmpty }
                    payload = parts.flatMap { Array((String($0.count, radix: 16) + "\r\n").utf8) + $0 + Array("\r\n".utf8) }
                        + Array("0\r\n\r\n".utf8)
                } else {
                    head += "Content-Length: \(payload.count)\r\n\r\n"
                }
                let bytes = Array(head.utf8) + payload
                _ = bytes.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                close(client)
            }
        }
        for fd in hung { close(fd) }
        done.signal()
    }

    private func readRequestPath(_ fd: Int32) -> String {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while received.count < 65536 {
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 1000) > 0 else { break }
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            received += chunk.prefix(count)
            if String(decoding: received, as: UTF8.self).contains("\r\n\r\n") { break }
        }
        let line = String(decoding: received, as: UTF8.self).split(separator: "\r\n").first ?? ""
        let parts = line.split(separator: " ")
        return parts.count >= 2 ? String(parts[1]) : ""
    }

    /// A loopback port nothing listens on (bound, then released).
    static func closedPort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
