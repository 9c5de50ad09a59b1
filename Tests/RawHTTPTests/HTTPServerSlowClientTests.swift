import Glibc
import Testing
@testable import RawHTTP

/// Slow bodies, slow readers of a full server, and the Host check, against a real server on loopback.
@Suite struct HTTPServerSlowClientTests {
    static let slowHead = "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n"

    @Test func aBodyThatTricklesInIsAnswered408AtTheBodyDeadline() async throws {
        try await withServer({ $0.bodyTimeout = .milliseconds(600); $0.idleTimeout = .seconds(5) }) { server in
            let address = server.boundAddress
            let (status, elapsed) = try await offPool {
                let client = try TestClient(address)
                let clock = ContinuousClock()
                let start = clock.now
                try client.send(Self.slowHead)
                // One byte every 100 ms: never idle long enough for the idle timeout.
                for _ in 0..<30 {
                    if (try? client.send("x")) == nil { break }
                    usleep(100_000)
                    if clock.now - start > .seconds(3) { break }
                }
                return (try client.readResponse().status, clock.now - start)
            }
            #expect(status == 408)
            #expect(elapsed < .seconds(3), "the slow body held its slot for \(elapsed)")
        }
    }

    @Test func atTheCapTheLongestWaitingSlowClientMakesRoom() async throws {
        try await withServer({ $0.maxConnections = 3; $0.eventLoopCount = 1; $0.bodyTimeout = .seconds(30); $0.idleTimeout = .seconds(30) }) { server in
            let address = server.boundAddress
            let (fresh, evicted, others) = try await offPool {
                var slow: [TestClient] = []
                for _ in 0..<3 {
                    let client = try TestClient(address)
                    try client.send(Self.slowHead + "x")
                    slow.append(client)
                    usleep(300_000)   // each older than the eviction age, the first the oldest
                }
                let fresh = try TestClient(address)
                try fresh.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
                let status = try fresh.readResponse().status
                let evicted = try slow[0].readResponse().status
                // The younger slow clients are still being served.
                let others = slow[1...].map { !$0.isClosedByServerWithin(milliseconds: 200) }
                return (status, evicted, others)
            }
            #expect(fresh == 200)
            #expect(evicted == 408)
            #expect(others == [true, true])
        }
    }

    @Test func aHostThatIsNotAllowedIsAnswered421() async throws {
        try await withServer({ $0.allowedHosts = HostAllowList(["healer.lan"]) }) { server in
            let address = server.boundAddress
            let port = server.boundPort
            for (host, status) in [("attacker.example:\(port)", 421), ("127.0.0.1:\(port)", 200), ("localhost", 200),
                                   ("healer.lan:\(port)", 200), ("HEALER.LAN", 200)] {
                let (response, _) = try await HTTPServerLimitsTests.exchange(address, "GET /health HTTP/1.1\r\nHost: \(host)\r\n\r\n")
                #expect(response.status == status, "\(host)")
                if status == 421 { #expect(!response.bodyText.contains("ok"), "\(response.bodyText)") }
            }
            let (absolute, _) = try await HTTPServerLimitsTests.exchange(
                address, "GET http://attacker.example/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            #expect(absolute.status == 421)
        }
    }

    @Test func withoutAnAllowListAnyValidHostIsServed() async throws {
        try await withServer { server in
            let (response, _) = try await HTTPServerLimitsTests.exchange(server.boundAddress, "GET /health HTTP/1.1\r\nHost: attacker.example\r\n\r\n")
            #expect(response.status == 200)
        }
    }
}

extension TestClient {
    /// Whether the server closes within the time given (a read of 0 bytes).
    func isClosedByServerWithin(milliseconds: Int) -> Bool {
        var poll = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard Glibc.poll(&poll, 1, Int32(milliseconds)) > 0 else { return false }
        var byte: UInt8 = 0
        return recv(fd, &byte, 1, Int32(MSG_PEEK)) == 0
    }
}
