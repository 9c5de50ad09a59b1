/// A counting semaphore for async callers: at most `limit` holders; the rest wait in FIFO order
/// without blocking a thread.
actor CommandGate {
    private let limit: Int
    private var holders = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { self.limit = max(1, limit) }

    func acquire() async {
        if holders < limit {
            holders += 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
        // The releaser handed its slot over; `holders` already counts us.
    }

    func release() {
        if waiters.isEmpty {
            holders -= 1
        } else {
            waiters.removeFirst().resume()
        }
    }

    /// Commands running now (for tests and status).
    var running: Int { holders }
}
