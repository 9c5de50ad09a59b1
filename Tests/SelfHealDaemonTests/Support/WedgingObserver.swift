import Foundation
import HealCore

/// An observer that answers like the one it wraps for the first `ticks` observations and then
/// never answers again, as a deadlocked tick would: the monitor loop stops making progress while
/// the actor still answers. `wedged` says when it began. Cancellation (the daemon's stop) ends
/// the wait.
struct WedgingObserver: GatewayObserver {
    let wrapped: any GatewayObserver
    let ticks: Int
    let count = Counter()

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        private var wedgedAt: Date?
        func next() -> Int {
            lock.withLock {
                value += 1
                return value
            }
        }
        func markWedged() { lock.withLock { if wedgedAt == nil { wedgedAt = Date() } } }
        var wedged: Date? { lock.withLock { wedgedAt } }
    }

    func observe(config: HealConfig) async -> Observation {
        if count.next() > ticks {
            count.markWedged()
            while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
        }
        return await wrapped.observe(config: config)
    }
}
