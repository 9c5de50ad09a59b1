import Synchronization
@testable import SystemdKit

/// Records what would have been sent to systemd.
final class RecordingNotifier: SystemdNotifying {
    private let messages = Mutex<[String]>([])

    func notify(_ message: String) -> NotifyOutcome {
        messages.withLock { $0.append(message) }
        return .sent
    }

    var sent: [String] {
        messages.withLock { $0 }
    }

    var pingCount: Int {
        messages.withLock { $0.filter { $0 == "WATCHDOG=1" }.count }
    }
}
