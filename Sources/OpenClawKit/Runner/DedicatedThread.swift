import Foundation

/// Runs blocking work (a child's supervision, a socket exchange) on a fresh plain thread and
/// resumes the caller when it is done, so neither Swift's cooperative pool (one thread per core:
/// two on the target machine) nor Dispatch's pool is held while the work waits.
enum DedicatedThread {
    static func run<T: Sendable>(name: String, _ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: work())
            }
            thread.name = name
            thread.stackSize = 1 << 20
            thread.start()
        }
    }
}
