import Glibc
import Testing
@testable import RawHTTP

/// Responses larger than the socket buffer: partial writes, paused reading, stalled readers.
@Suite struct HTTPServerBackpressureTests {
    static let bigBody = (0..<(16 * 1024 * 1024)).map { UInt8(truncatingIfNeeded: $0 &* 31) }

    static func router() -> Router {
        var router = Router()
        router.add("GET", "/big", .sync { _ in HTTPResponse(status: 200, body: bigBody) })
        router.add("GET", "/small", .sync { _ in .text("small") })
        return router
    }

    static func start(_ adjust: (inout HTTPServerConfiguration) -> Void = { _ in }) throws -> HTTPServer {
        // Build the 16 MiB body before any client waits: made lazily inside the first handler, its
        // seconds of a debug build on a loaded machine ran into the clients' receive timeouts.
        _ = bigBody.count
        var configuration = HTTPServerConfiguration()
        configuration.idleTimeout = .milliseconds(400)
        configuration.lingerTimeout = .milliseconds(200)
        adjust(&configuration)
        let server = HTTPServer(router: router(), configuration: configuration)
        try server.start(listen: "127.0.0.1:0")
        return server
    }

    @Test func aSlowReaderGetsEveryByteAndThePipelinedRequestsBehindIt() async throws {
        let server = try Self.start { $0.idleTimeout = .seconds(3) }
        let address = server.boundAddress
        let (big, small) = try await offPool {
            let client = try TestClient(address)
            try client.send("GET /big HTTP/1.1\r\nHost: x\r\n\r\nGET /small HTTP/1.1\r\nHost: x\r\n\r\n")
            usleep(200_000)  // let the server fill the socket buffer and wait for writability
            return (try client.readResponse(), try client.readResponse())
        }
        #expect(big.status == 200)
        #expect(big.body == Self.bigBody)
        #expect(small.bodyText == "small")
        await server.stop(gracePeriod: .seconds(1))
    }

    @Test func aReaderThatStallsIsClosedAfterTheIdleTimeout() async throws {
        let server = try Self.start()
        let address = server.boundAddress
        let client = try TestClient(address)
        try client.send("GET /big HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(await eventually { server.activeConnections == 1 })
        // Never read: the write stalls, and the server gives up on its own.
        #expect(await eventually(within: 5) { server.activeConnections == 0 })
        // The response was cut short: far more than fits in socket buffers was never delivered.
        let received = try await offPool { [client] in client.drainAll() }
        #expect(received < Self.bigBody.count)
        await server.stop(gracePeriod: .seconds(1))
    }

    @Test func aBodyThatStallsGets408() async throws {
        let server = try Self.start()
        let address = server.boundAddress
        let (response, closed) = try await offPool {
            let client = try TestClient(address)
            try client.send("POST /small HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc")
            return (try client.readResponse(), client.isClosedByServer())
        }
        #expect(response.status == 408)
        #expect(closed)
        await server.stop(gracePeriod: .seconds(1))
    }
}
