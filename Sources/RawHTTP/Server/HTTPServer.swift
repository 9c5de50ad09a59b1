import Dispatch
import Glibc
import NetAddress
import Synchronization

/// A bounded HTTP/1.1 server on raw sockets, event-driven through Dispatch.
///
/// Connections are spread over `eventLoopCount` event loops: every loop polls the shared
/// listening socket and whichever wakes first accepts; a connection stays on its loop for life.
/// Sync handlers run on the loop's queue; async handlers in tasks.
public final class HTTPServer: Sendable {
    private let router: Router
    private let configuration: HTTPServerConfiguration
    private let state = Mutex<ServerState>(.idle)

    private enum ServerState {
        case idle
        case running(ServerRuntime)
        case stopping
        case stopped
    }

    public init(router: Router, configuration: HTTPServerConfiguration = .init()) {
        self.router = router
        self.configuration = configuration
    }

    /// Binds `HOST:PORT` and starts serving. Port 0 picks a free port (see `boundAddress`).
    /// Throws `ListenAddressError` for a malformed address, `HTTPServerError` otherwise.
    public func start(listen address: String) throws {
        try start(listen: ListenAddress.parse(address).get())
    }

    /// Binds an address the config already parsed, with the same grammar (`NetAddress`).
    public func start(listen address: ListenAddress) throws {
        try configuration.validate()
        try ensureIdle()
        let fd = try ListeningSocket.open(address, backlog: configuration.listenBacklog)
        try run(listeningOn: fd)
    }

    /// Serves on a descriptor that is already bound and listening (socket activation). The
    /// server owns it from now on and closes it when it stops.
    public func start(adoptingListeningDescriptor fd: Int32) throws {
        try configuration.validate()
        try ensureIdle()
        try ListeningSocket.adopt(fd)
        try run(listeningOn: fd)
    }

    /// `127.0.0.1:41234` or `[::1]:41234`, with the port actually bound; empty when not running.
    public var boundAddress: String {
        runtime?.boundAddress ?? ""
    }

    public var boundPort: Int {
        runtime?.boundPort ?? 0
    }

    /// Connections being served (over-cap connections receiving their 503 are not counted).
    public var activeConnections: Int {
        runtime?.context.openConnections.load(ordering: .relaxed) ?? 0
    }

    /// Stops with the configured `drainTimeout` as the grace period.
    public func stop() async {
        await stop(gracePeriod: configuration.drainTimeout)
    }

    /// Graceful stop: stop accepting, close idle connections at once, let requests in flight
    /// finish (each answered with `Connection: close`) until `gracePeriod` ends, then close
    /// whatever is left. Returns when every descriptor is closed. Calling it on a server that is
    /// not running (never started, already stopping or stopped) returns at once.
    public func stop(gracePeriod: Duration) async {
        let stopping: ServerRuntime? = state.withLock { state in
            guard case .running(let runtime) = state else { return nil }
            state = .stopping
            return runtime
        }
        guard let runtime = stopping else { return }
        for loop in runtime.loops {
            loop.queue.async { loop.beginDrain() }
        }
        let clock = ContinuousClock()
        let deadline = clock.now + gracePeriod
        await waitUntil(deadline: deadline, clock: clock) { runtime.context.descriptorsInUse == 0 }
        for loop in runtime.loops {
            loop.queue.async { loop.forceCloseAll() }
        }
        // Cancel handlers close the last descriptors; give them a moment, bounded.
        await waitUntil(deadline: clock.now + .seconds(2), clock: clock) {
            runtime.context.descriptorsInUse == 0 && runtime.context.listenClosed.load(ordering: .acquiring)
        }
        for loop in runtime.loops {
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                loop.queue.async {
                    loop.shutdown()
                    done.resume()
                }
            }
        }
        state.withLock { $0 = .stopped }
    }

    // MARK: - Private

    private var runtime: ServerRuntime? {
        state.withLock { state in
            if case .running(let runtime) = state { return runtime }
            return nil
        }
    }

    private func ensureIdle() throws {
        try state.withLock { state in
            guard case .idle = state else {
                throw HTTPServerError.usage("start", "the server was already started; create a new one")
            }
        }
    }

    private func run(listeningOn fd: Int32) throws {
        let runtime: ServerRuntime
        do {
            runtime = try ServerRuntime(router: router, configuration: configuration, listenDescriptor: fd)
        } catch {
            close(fd)
            throw error
        }
        let started: Bool = state.withLock { state in
            guard case .idle = state else { return false }
            state = .running(runtime)
            return true
        }
        guard started else {
            close(fd)
            throw HTTPServerError.usage("start", "the server was already started; create a new one")
        }
        runtime.start()
    }

    private func waitUntil(deadline: ContinuousClock.Instant, clock: ContinuousClock, _ done: () -> Bool) async {
        while !done() && clock.now < deadline {
            do {
                try await Task.sleep(for: .milliseconds(5))
            } catch {
                return  // cancelled: stop waiting, the caller moves on to closing everything
            }
        }
    }
}
