import Dispatch
import Glibc
@testable import RawHTTP

/// Routes used by the server tests.
enum TestRoutes {
    static func router() -> Router {
        var router = Router()
        router.add("GET", "/health", .sync { _ in .json(string: "{\"ok\":true}") })
        router.add("POST", "/echo", .sync { request in
            HTTPResponse(status: 200, headers: HTTPHeaders([("Content-Type", "application/octet-stream")]), body: request.body)
        })
        router.add("GET", "/whoami", .sync { request in
            .text("\(request.remoteAddress) \(request.isLoopbackPeer) \(request.path) \(request.query.sorted { $0.key < $1.key })")
        })
        router.add("GET", "/slow", .async { request in
            let milliseconds = Int(request.query["ms"] ?? "200") ?? 200
            try? await Task.sleep(for: .milliseconds(milliseconds))
            return .text("slow \(milliseconds)")
        })
        router.add("GET", "/close", .sync { _ in
            HTTPResponse(status: 200, headers: HTTPHeaders([("Connection", "close")]), body: Array("bye".utf8))
        })
        return router
    }

    /// A server on an ephemeral loopback port with short timeouts.
    static func start(
        listen: String = "127.0.0.1:0", _ adjust: (inout HTTPServerConfiguration) -> Void = { _ in }
    ) throws -> HTTPServer {
        var configuration = HTTPServerConfiguration()
        configuration.headerTimeout = .seconds(2)
        configuration.idleTimeout = .seconds(2)
        configuration.lingerTimeout = .milliseconds(500)
        configuration.eventLoopCount = 2
        adjust(&configuration)
        let server = HTTPServer(router: router(), configuration: configuration)
        try server.start(listen: listen)
        return server
    }
}

/// Waits (bounded) until `condition` holds; for counters that settle on another queue.
func eventually(within seconds: Double = 3, _ condition: () -> Bool) async -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now + .milliseconds(Int(seconds * 1000))
    while clock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return condition()
}

/// Runs blocking socket code on a Dispatch thread, off Swift's small cooperative pool, which the
/// server's async handlers need. A private serial queue gets a thread of its own (overcommit);
/// the global concurrent queue would run only about one blocked client per CPU at a time.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue(label: "test-client").async {
            continuation.resume(with: Result { try body() })
        }
    }
}

/// Starts a test server, runs `body`, and always stops the server.
func withServer(
    listen: String = "127.0.0.1:0",
    _ adjust: (inout HTTPServerConfiguration) -> Void = { _ in },
    _ body: (HTTPServer) async throws -> Void
) async throws {
    let server = try TestRoutes.start(listen: listen, adjust)
    do {
        try await body(server)
    } catch {
        await server.stop(gracePeriod: .zero)
        throw error
    }
    await server.stop(gracePeriod: .seconds(1))
}
