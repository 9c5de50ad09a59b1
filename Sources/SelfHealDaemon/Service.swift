/// One part of the running daemon, started and stopped by a `ServiceGroup`.
protocol Service: Sendable {
    /// Names it in the log when it does not stop in time.
    var name: String { get }
    /// How long the group waits for this one's stop at most, `nil` for the rest of the deadline.
    /// A service that may hang gets its own share, so those stopped after it still have time.
    var stopBound: Duration? { get }
    /// Returns once the service runs; throws when it cannot start.
    func start() async throws
    /// Returns once the service has stopped: nothing it started is left running.
    func stop() async
}

/// A service made of two closures, for the daemon's parts that are a start and a stop of
/// something it already holds.
struct ClosureService: Service {
    let name: String
    let stopBound: Duration?
    let onStart: @Sendable () async throws -> Void
    let onStop: @Sendable () async -> Void

    init(_ name: String, stopBound: Duration? = nil, start: @escaping @Sendable () async throws -> Void,
         stop: @escaping @Sendable () async -> Void) {
        self.name = name; self.stopBound = stopBound; self.onStart = start; self.onStop = stop
    }

    func start() async throws { try await onStart() }
    func stop() async { await onStop() }
}
