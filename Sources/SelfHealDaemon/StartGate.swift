import Synchronization

/// Holds back the work that acts (monitor ticks, failures read from the log) until every service
/// has started, so a daemon that cannot listen never acts. Opened once; a stop closes it, which
/// lets the waiters go without opening.
final class StartGate: Sendable {
    private enum State {
        case waiting([CheckedContinuation<Bool, Never>])
        case open
        case closed
    }

    private let state = Mutex(State.waiting([]))

    /// `true` once the gate opens, `false` when it is closed without opening.
    func wait() async -> Bool {
        await withCheckedContinuation { continuation in
            let answer: Bool? = state.withLock { state in
                switch state {
                case .waiting(let waiters):
                    state = .waiting(waiters + [continuation])
                    return nil
                case .open: return true
                case .closed: return false
                }
            }
            if let answer { continuation.resume(returning: answer) }
        }
    }

    func open() { settle(.open, answer: true) }

    /// Lets waiters go unopened; no effect once open.
    func close() { settle(.closed, answer: false) }

    private func settle(_ final: State, answer: Bool) {
        let waiters = state.withLock { state -> [CheckedContinuation<Bool, Never>] in
            guard case .waiting(let waiters) = state else { return [] }
            state = final
            return waiters
        }
        for waiter in waiters { waiter.resume(returning: answer) }
    }
}
