import Glibc
import Testing
@testable import RawHTTP

/// Graceful stop: stop accepting, close idle connections at once, finish in-flight responses
/// within the grace period.
@Suite struct HTTPServerStopTests {
    @Test func closesIdleConnectionsAtOnceAndFinishesInFlightResponses() async throws {
        let server = try TestRoutes.start()
        let address = server.boundAddress
        let idle = try TestClient(address)
        let busy = try TestClient(address)
        try busy.send("GET /slow?ms=400 HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(await eventually { server.activeConnections == 2 })

        let clock = ContinuousClock()
        let started = clock.now
        async let stopping: Void = server.stop(gracePeriod: .seconds(5))
        // The idle client sees its connection closed long before the grace period ends.
        let idleClosed = try await offPool { [idle] in idle.isClosedByServer() }
        #expect(idleClosed)
        #expect(clock.now - started < .seconds(2))
        let (response, busyClosed) = try await offPool { [busy] in (try busy.readResponse(), busy.isClosedByServer()) }
        #expect(response.bodyText == "slow 400")
        #expect(response.headers["Connection"] == "close")
        #expect(busyClosed)
        await stopping
        #expect(clock.now - started < .seconds(4))
        #expect(server.activeConnections == 0)
        #expect(server.boundAddress.isEmpty)
        // No longer accepting.
        #expect(throws: (any Error).self) { try TestClient(address) }
    }

    @Test func forceClosesWhatOutlivesTheGracePeriod() async throws {
        let server = try TestRoutes.start()
        let address = server.boundAddress
        let stuck = try TestClient(address)
        try stuck.send("GET /slow?ms=10000 HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(await eventually { server.activeConnections == 1 })
        let clock = ContinuousClock()
        let started = clock.now
        await server.stop(gracePeriod: .milliseconds(300))
        #expect(clock.now - started < .seconds(3))
        let closed = try await offPool { [stuck] in stuck.isClosedByServer() }
        #expect(closed)
    }

    @Test func letsAHalfSentRequestFinishDuringTheGracePeriod() async throws {
        let server = try TestRoutes.start()
        let address = server.boundAddress
        let client = try TestClient(address)
        try client.send("GET /health HTTP/1.1\r\n")
        #expect(await eventually { server.activeConnections == 1 })
        async let stopping: Void = server.stop(gracePeriod: .seconds(3))
        try await Task.sleep(for: .milliseconds(100))
        let (response, closed) = try await offPool { [client] in
            try client.send("Host: x\r\n\r\n")
            return (try client.readResponse(), client.isClosedByServer())
        }
        await stopping
        #expect(response.status == 200)
        #expect(response.headers["Connection"] == "close")
        #expect(closed)
    }

    @Test func stopIsIdempotentAndAStoppedServerCannotRestart() async throws {
        let server = try TestRoutes.start()
        await server.stop(gracePeriod: .seconds(1))
        await server.stop(gracePeriod: .seconds(1))
        #expect(throws: HTTPServerError.self) { try server.start(listen: "127.0.0.1:0") }
        let never = HTTPServer(router: Router())
        await never.stop()
        #expect(never.activeConnections == 0)
    }
}
