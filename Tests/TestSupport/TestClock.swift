import Foundation
import HealCore

/// A settable clock.
public final class TestClock: HealClock, @unchecked Sendable {
    /// The tests' fixed start of time (2025-10-09T08:53:20Z).
    public static let epoch = Date(timeIntervalSince1970: 1_760_000_000)
    private let lock = NSLock()
    private var current: Date
    public init(_ start: Date = TestClock.epoch) { current = start }
    public func now() -> Date { lock.withLock { current } }
    public func set(_ date: Date) { lock.withLock { current = date } }
    public func advance(_ seconds: Double) { lock.withLock { current = current.addingTimeInterval(seconds) } }
}
