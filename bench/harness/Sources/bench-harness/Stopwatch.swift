import Foundation

/// Wall time of a closure on the monotonic clock, in milliseconds.
enum Stopwatch {
    static func milliseconds<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let clock = ContinuousClock()
        var result: T?
        let elapsed = try clock.measure { result = try body() }
        return (result!, toMilliseconds(elapsed))
    }

    static func milliseconds<T>(_ body: () async throws -> T) async rethrows -> (T, Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try await body()
        return (result, toMilliseconds(start.duration(to: clock.now)))
    }

    static func toMilliseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }
}
