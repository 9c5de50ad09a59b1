import CSocketShim
import Glibc

/// Runs blocking work (a child's supervision, a socket exchange) on a fresh plain thread and
/// resumes the caller when it is done, so neither Swift's cooperative pool (one thread per core:
/// two on the target machine) nor Dispatch's pool is held while the work waits.
enum DedicatedThread {
    static func run<T: Sendable>(name: String, _ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            start(name: name) { continuation.resume(returning: work()) }
        }
    }

    private final class Job {
        let name: String
        let body: () -> Void
        init(name: String, body: @escaping () -> Void) { self.name = name; self.body = body }
    }

    /// A detached pthread with a 1 MiB stack, named (the first 15 bytes, the kernel's limit) for
    /// `top -H` and core dumps. If no thread can be made, the work runs here rather than never.
    private static func start(name: String, _ body: @escaping @Sendable () -> Void) {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, 1 << 20)
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        let job = Unmanaged.passRetained(Job(name: name, body: body)).toOpaque()
        var thread = pthread_t()
        let created = pthread_create(&thread, &attributes, { raw in
            let job = Unmanaged<Job>.fromOpaque(raw!).takeRetainedValue()
            _ = cshim_set_thread_name(job.name)
            job.body()
            return nil
        }, job)
        if created != 0 {
            Unmanaged<Job>.fromOpaque(job).release()
            body()
        }
    }
}
