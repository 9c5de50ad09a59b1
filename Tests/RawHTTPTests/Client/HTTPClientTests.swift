import Glibc
import Testing
@testable import RawHTTP

/// The one client against the house's own server, on loopback.
@Suite struct HTTPClientTests {
    private let client = HTTPClient(connectTimeoutMs: 1000, readTimeoutMs: 2000, maxResponseBytes: 1 << 20)

    @Test func getsAndPostsAgainstTheServer() async throws {
        try await withServer { server in
            let port = server.boundPort
            let client = self.client
            let health = try await offPool { try client.send(host: "127.0.0.1", port: port, target: "/health").get() }
            #expect(health.status == 200)
            #expect(health.text == "{\"ok\":true}")
            let echo = try await offPool {
                try client.send(method: "POST", host: "127.0.0.1", port: port, target: "/echo", body: Array("ping".utf8)).get()
            }
            #expect(echo.text == "ping")
            let missing = try await offPool { try client.send(host: "127.0.0.1", port: port, target: "/nothing").get() }
            #expect(missing.status == 404)
        }
    }

    @Test func reachesAnIPv6Server() async throws {
        try await withServer(listen: "[::1]:0") { server in
            let port = server.boundPort
            let client = self.client
            let answer = try await offPool { try client.send(host: "::1", port: port, target: "/health").get() }
            #expect(answer.status == 200)
        }
    }

    @Test func aPortNobodyListensOnIsRefused() async throws {
        // Bind then close: a port that was free a moment ago and has no listener now.
        let server = try TestRoutes.start()
        let port = server.boundPort
        await server.stop(gracePeriod: .zero)
        let client = self.client
        let outcome = try await offPool { client.send(host: "127.0.0.1", port: port, target: "/health") }
        guard case .failure(.refused) = outcome else { Issue.record("not refused: \(outcome)"); return }
    }

    @Test func aServerThatNeverAnswersTimesOut() async throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        #expect(listen(fd, 4) == 0)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        let port = Int(UInt16(bigEndian: address.sin_port))
        let quick = HTTPClient(connectTimeoutMs: 500, readTimeoutMs: 300, maxResponseBytes: 1024)
        let outcome = try await offPool { quick.send(host: "127.0.0.1", port: port, target: "/") }
        #expect(outcome == .failure(.timedOut("no answer within 300 ms")))
    }

    @Test func anAnswerOverTheCapIsAnError() async throws {
        try await withServer { server in
            let port = server.boundPort
            let tiny = HTTPClient(connectTimeoutMs: 1000, readTimeoutMs: 2000, maxResponseBytes: 64)
            let outcome = try await offPool {
                tiny.send(method: "POST", host: "127.0.0.1", port: port, target: "/echo", body: Array(repeating: 0x61, count: 4096))
            }
            #expect(outcome == .failure(.failed("answer larger than 64 bytes")))
        }
    }
}
