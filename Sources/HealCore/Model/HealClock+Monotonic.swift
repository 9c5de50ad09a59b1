import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Windows within one run of the healer are measured on a monotonic clock, so a wall-clock jump
/// (NTP, a suspended VM, an operator's `date -s`) neither fires nor blocks an action. Clocks that
/// have no monotonic source fall back to their wall time.
public protocol MonotonicSource: Sendable {
    /// Seconds on a clock that never jumps (any origin).
    func monotonicSeconds() -> Double
}

extension SystemClock: MonotonicSource {
    public func monotonicSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

/// The healer's policy time: the wall time at start plus the monotonic time since. Within a run it
/// moves only with the monotonic clock; across restarts it starts again from the wall time, which
/// is what the saved state was written in.
public struct SteadyTime: Sendable {
    public let wallAtStart: Date
    public let monotonicAtStart: Double?

    public init(clock: any HealClock) {
        wallAtStart = clock.now()
        monotonicAtStart = (clock as? any MonotonicSource)?.monotonicSeconds()
    }

    public func now(_ clock: any HealClock) -> Date {
        guard let start = monotonicAtStart, let mono = (clock as? any MonotonicSource)?.monotonicSeconds() else {
            return clock.now()
        }
        return wallAtStart.addingTimeInterval(mono - start)
    }
}
