import FoundationEssentials
import HealCore
import SystemdKit

extension Daemon {
    /// How long a stop may take in all; below the units' TimeoutStopSec (30 s), so the stop is
    /// recorded before systemd would kill the process.
    static let stopDeadlineSec = 20

    /// The daemon's parts in start order; `ServiceGroup` stops them in reverse: the watchdog, the
    /// listener (no new requests, those in flight answered), the monitor (a tick under way
    /// cancelled and awaited), notifications (a delivery under way finished), the log follower,
    /// the failure feed (what the follower read reaches the healer), and last the state: saved,
    /// and the stop recorded. Ticks and failures from the log wait for `gate`, opened once all
    /// have started, so a daemon that cannot listen never acts.
    func makeServices() -> [any Service] {
        let healer = self.healer
        let logger = self.logger
        let gate = self.gate
        return [
            ClosureService("state", start: {
                for note in await healer.load() { logger.warning("\(note)") }
            }, stop: { [self] in
                // Only a daemon that ran records its stop; a failed start leaves the state as it was.
                if let reason = stopReason.withLock({ $0 }) { await healer.recordShutdown(reason: reason) }
            }),
            ClosureService("failure feed", start: { [self] in
                let feed = self.feed
                running.withLock {
                    $0.feed = Task {
                        guard await gate.wait() else { return }
                        await feed.drain(into: healer)
                    }
                }
            }, stop: { [self] in
                gate.close()
                feed.finish()
                await running.withLock { $0.feed }?.value
            }),
            ClosureService("log follower", start: { [self] in follower.start() }, stop: { [self] in follower.stop() }),
            ClosureService("notifications", start: { [self] in
                // Messages owed from before a stop (saved in the state) reach the outbox once it is attached.
                await notify.apply(initialNotify, config: await healer.config.notify)
                for note in notify.takeNotes() { logger.warning("\(note)") }
                await healer.attachNoticeSink(notify)
            }, stop: { [self] in await notify.stop() }),
            ClosureService("monitor", stopBound: .seconds(Daemon.monitorStopBoundSec), start: { [self] in
                startMonitor()
            }, stop: { [self] in
                // A tick under way is cancelled (its commands' process groups are killed) and
                // awaited, so nothing it would save, audit or do follows the recorded stop.
                gate.close()
                let monitor = running.withLock { $0.monitor }
                monitor?.cancel()
                await monitor?.value
            }),
            ClosureService("listener", start: { [self] in
                try startListening()
                // READY=1 once listening with the state loaded; the watchdog starts after it, so
                // systemd never sees WATCHDOG=1 from a service it does not consider started.
                notifier.ready(status: StatusLine.render(await healer.snapshot(), lastTick: nil))
            }, stop: { [self] in await server.stop(gracePeriod: .seconds(5)) }),
            ClosureService("watchdog", start: { [self] in startWatchdog() },
                           stop: { [self] in running.withLock { $0.watchdog }?.stop() }),
        ]
    }

    func startListening() throws {
        do {
            if let fd = listenOverride {
                try server.start(adoptingListeningDescriptor: fd)
                logger.info("listening on a socket passed by systemd", metadata: ["address": "\(server.boundAddress)"])
            } else {
                try server.start(listen: listenAddress)
                logger.info("listening", metadata: ["address": "\(server.boundAddress)"])
            }
        } catch {
            throw StartupError("cannot listen: \(error)")
        }
    }
}
