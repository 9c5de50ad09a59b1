import Synchronization

/// Starts services in order and stops them in reverse order, each stop awaited before the next
/// begins, under one deadline for the whole stop. The daemon lists its parts so that the reverse
/// is the stop it needs: the listener first, the monitor and the log follower next, the state
/// last (`Daemon+Services.swift`).
final class ServiceGroup: Sendable {
    let services: [any Service]
    /// How many of `services` have started (and not been stopped since).
    private let started = Mutex(0)

    init(_ services: [any Service]) { self.services = services }

    /// Starts each service in order. When one fails, those already started are stopped (last
    /// first, under `stopDeadline`) and the error is thrown.
    func start(stopDeadline: Duration) async throws {
        for (index, service) in services.enumerated() {
            do {
                try await service.start()
            } catch {
                _ = await stop(within: stopDeadline)
                throw error
            }
            started.withLock { $0 = index + 1 }
        }
    }

    /// Stops the started services, last started first. Each stop is awaited up to its own bound
    /// and what is left of `deadline`; a stop not done by then is left running and the next one
    /// begins (once the deadline has passed, the rest are told to stop and not waited for).
    /// Returns the names of the services that did not stop in time, in stop order.
    func stop(within deadline: Duration) async -> [String] {
        let count = started.withLock { count in
            defer { count = 0 }
            return count
        }
        let clock = ContinuousClock()
        let end = clock.now + deadline
        var late: [String] = []
        for service in services[..<count].reversed() {
            let stopping = Task { await service.stop() }
            var wait = end - clock.now
            if let bound = service.stopBound { wait = min(wait, bound) }
            if wait <= .zero {
                late.append(service.name)
            } else if await !Self.finishes(stopping, within: wait) {
                late.append(service.name)
            }
        }
        return late
    }

    /// Whether `task` ends within `bound`. Not a task group: a group would wait for its child
    /// awaiting `task.value`, which no cancellation ends, and so never give up at the bound.
    static func finishes(_ task: Task<Void, Never>, within bound: Duration) async -> Bool {
        await withCheckedContinuation { continuation in
            let answer = ResumeOnce(continuation)
            Task { await task.value; answer.resume(true) }
            Task { try? await Task.sleep(for: bound); answer.resume(false) }
        }
    }
}
