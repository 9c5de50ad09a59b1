import Glibc
import Testing
@testable import RawHTTP

/// Every bound answered over a real socket: the status, the JSON error body, and the close.
@Suite struct HTTPServerLimitsTests {
    /// Sends `request`, reads one response, and reports whether the server then closed.
    static func exchange(_ address: String, _ request: String) async throws -> (TestClient.Response, closed: Bool) {
        try await offPool {
            let client = try TestClient(address)
            try client.send(request)
            return (try client.readResponse(), client.isClosedByServer())
        }
    }

    static let cases: [(name: String, request: String, status: Int, code: String)] = [
        ("long request line", "GET /\(String(repeating: "a", count: 8200)) HTTP/1.1\r\nHost: x\r\n\r\n", 414, "uri_too_long"),
        ("large header", "GET / HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "b", count: 16400))\r\n\r\n", 431, "header_fields_too_large"),
        ("many fields", "GET / HTTP/1.1\r\nHost: x\r\n" + (1...100).map { "X-\($0): v\r\n" }.joined() + "\r\n", 431, "header_fields_too_large"),
        ("large body", "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 70000\r\n\r\n", 413, "content_too_large"),
        ("CL with TE", "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", 400, "bad_request"),
        ("differing CL", "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 5\r\n\r\nabc", 400, "bad_request"),
        ("non-numeric CL", "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: three\r\n\r\n", 400, "bad_request"),
        ("gzip TE", "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", 501, "not_implemented"),
        ("no Host", "GET /health HTTP/1.1\r\n\r\n", 400, "bad_request"),
        ("space before colon", "GET /health HTTP/1.1\r\nHost : x\r\n\r\n", 400, "bad_request"),
        ("obs-fold", "GET /health HTTP/1.1\r\nHost: x\r\nX: a\r\n b\r\n\r\n", 400, "bad_request"),
        ("garbage", "\u{16}\u{03}\u{01}\u{02}\r\n\r\n", 400, "bad_request"),
        ("HTTP/2.0", "GET /health HTTP/2.0\r\nHost: x\r\n\r\n", 505, "http_version_not_supported"),
    ]

    @Test(arguments: 0..<cases.count)
    func answersTheBoundAndCloses(index: Int) async throws {
        let testCase = Self.cases[index]
        try await withServer { server in
            let (response, closed) = try await Self.exchange(server.boundAddress, testCase.request)
            #expect(response.status == testCase.status, "\(testCase.name)")
            #expect(response.headers["Content-Type"] == "application/json", "\(testCase.name)")
            #expect(response.bodyText.hasPrefix("{\"error\": \"\(testCase.code)\", \"message\": \""), "\(testCase.name)")
            #expect(response.headers["Connection"] == "close", "\(testCase.name)")
            #expect(response.headers["Date"] != nil, "\(testCase.name)")
            #expect(closed, "\(testCase.name)")
        }
    }

    @Test func answers413ForAChunkedBodyOverTheLimitEvenWhileTheClientKeepsSending() async throws {
        try await withServer({ $0.maxBodyBytes = 1000 }) { server in
            let address = server.boundAddress
            let (response, closed) = try await offPool {
                let client = try TestClient(address)
                try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
                for _ in 0..<3 { try client.send("200\r\n" + String(repeating: "z", count: 512) + "\r\n") }
                return (try client.readResponse(), client.isClosedByServer())
            }
            #expect(response.status == 413)
            #expect(closed)
        }
    }

    @Test func acceptsABodyAtTheConfiguredLimit() async throws {
        try await withServer({ $0.maxBodyBytes = 1000 }) { server in
            let (response, closed) = try await Self.exchange(
                server.boundAddress,
                "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\nConnection: close\r\n\r\n" + String(repeating: "k", count: 1000))
            #expect(response.status == 200)
            #expect(response.body.count == 1000)
            #expect(closed)
        }
    }

    @Test func answers408WhenTheHeadIsNotCompleteInTime() async throws {
        try await withServer({ $0.headerTimeout = .milliseconds(300) }) { server in
            let address = server.boundAddress
            let (response, closed) = try await offPool {
                let client = try TestClient(address)
                // A slow client: bytes keep coming, but the head never completes.
                try client.send("GET /health HTTP/1.1\r\n")
                for _ in 0..<2 {
                    usleep(100_000)
                    try client.send("X-Drip: 1\r\n")
                }
                return (try client.readResponse(), client.isClosedByServer())
            }
            #expect(response.status == 408)
            #expect(response.bodyText.hasPrefix("{\"error\": \"request_timeout\""))
            #expect(closed)
        }
    }

    @Test func closesASilentConnectionAfterTheHeaderTimeout() async throws {
        try await withServer({ $0.headerTimeout = .milliseconds(200) }) { server in
            let address = server.boundAddress
            let closed = try await offPool { try TestClient(address).isClosedByServer() }
            #expect(closed)
            #expect(await eventually { server.activeConnections == 0 })
        }
    }

    @Test func closesAnIdleKeepAliveConnection() async throws {
        try await withServer({ $0.idleTimeout = .milliseconds(300) }) { server in
            let address = server.boundAddress
            let (status, closed) = try await offPool {
                let client = try TestClient(address)
                try client.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
                return (try client.readResponse().status, client.isClosedByServer())
            }
            #expect(status == 200)
            #expect(closed)
            #expect(await eventually { server.activeConnections == 0 })
        }
    }

    @Test func answers503BeyondTheConnectionCapAndKeepsServingTheOthers() async throws {
        try await withServer({ $0.maxConnections = 2 }) { server in
            let address = server.boundAddress
            let (rejected, rejectedClosed, others, served) = try await offPool {
                let first = try TestClient(address)
                let second = try TestClient(address)
                // Make sure both are accepted before the third arrives.
                try first.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
                try second.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
                _ = try first.readResponse()
                _ = try second.readResponse()
                let third = try TestClient(address)
                try third.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
                let rejected = try third.readResponse()
                let rejectedClosed = third.isClosedByServer()
                try first.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
                try second.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
                let others = [try first.readResponse().status, try second.readResponse().status]
                return (rejected, rejectedClosed, others, server.activeConnections)
            }
            #expect(rejected.status == 503)
            #expect(rejected.bodyText.hasPrefix("{\"error\": \"service_unavailable\""))
            #expect(rejected.headers["Connection"] == "close")
            #expect(rejectedClosed)
            #expect(others == [200, 200])
            #expect(served == 2)
        }
    }

    @Test func freesASlotWhenAConnectionCloses() async throws {
        try await withServer({ $0.maxConnections = 1 }) { server in
            let address = server.boundAddress
            try await offPool {
                let first = try TestClient(address)
                try first.send("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                _ = try first.readResponse()
                _ = first.isClosedByServer()
            }
            #expect(await eventually { server.activeConnections == 0 })
            let status = try await Self.exchange(address, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n").0.status
            #expect(status == 200)
        }
    }
}
