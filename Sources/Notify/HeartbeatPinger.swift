import FoundationEssentials
import HealCore
import Synchronization

/// The dead-man heartbeat: a GET to `notify.heartbeat.url` every `intervalSec` while the healer is
/// healthy (the condition its systemd watchdog pings on), so a service such as healthchecks.io
/// tells the owner when the box, the healer or its loop stops.
final class HeartbeatPinger: Sendable {
    let url: String
    let intervalSec: Int
    let transport: CurlTransport
    let scrubber: SecretScrubber
    let healthy: @Sendable () async -> Bool
    let onChange: @Sendable () async -> Void
    let figures: Mutex<HeartbeatStatus>
    let task = Mutex<Task<Void, Never>?>(nil)

    init(url: String, intervalSec: Int, transport: CurlTransport, scrubber: SecretScrubber,
         healthy: @escaping @Sendable () async -> Bool, onChange: @escaping @Sendable () async -> Void) {
        self.url = url; self.intervalSec = intervalSec; self.transport = transport; self.scrubber = scrubber
        self.healthy = healthy; self.onChange = onChange
        figures = Mutex(HeartbeatStatus(enabled: true, intervalSec: intervalSec))
    }

    func status() -> HeartbeatStatus { figures.withLock { $0 } }

    func start() {
        let t = Task { [self] in
            while !Task.isCancelled {
                if await healthy() {
                    let outcome = await transport.send(NotifyRequest(method: "GET", url: url), scrubber: scrubber)
                    figures.withLock { f in
                        if outcome.ok {
                            f.sent += 1; f.lastSuccessAt = Int(Date().timeIntervalSince1970); f.lastError = nil
                        } else {
                            f.failed += 1; f.lastError = outcome.error
                        }
                    }
                    await onChange()
                }
                try? await Task.sleep(for: .seconds(intervalSec))
            }
        }
        task.withLock { $0 = t }
    }

    func stop() async {
        let t = task.withLock { $0 }
        t?.cancel()
        await t?.value
    }
}
