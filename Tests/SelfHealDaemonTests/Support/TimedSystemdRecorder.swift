import Foundation
import SystemdKit

/// Stands in for systemd's NOTIFY_SOCKET in process: keeps every message with the time it was sent.
final class TimedSystemdRecorder: SystemdNotifying, @unchecked Sendable {
    private let lock = NSLock()
    private var received: [(Date, String)] = []

    func notify(_ message: String) -> NotifyOutcome {
        lock.withLock { received.append((Date(), message)) }
        return .sent
    }

    var timedMessages: [(Date, String)] { lock.withLock { received } }
}
