import Dispatch
import FoundationEssentials
import Glibc
import HealCore
import Logging
import Notify
import SystemdKit

extension Daemon {
    /// SIGTERM/SIGINT stop gracefully; SIGHUP reloads like `POST /reload`. The default actions are
    /// ignored first so only the Dispatch sources see the signals.
    func installSignalHandlers() {
        var sources: [DispatchSourceSignal] = []
        for (number, name) in [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT"), (SIGHUP, "SIGHUP")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in
                if number == SIGHUP {
                    Task {
                        let outcome = await Daemon.reload(healer: healer, source: self.source, current: current,
                                                          notifier: notifier, logger: logger, notify: notify)
                        if case .rejected(let errors) = outcome {
                            logger.error("SIGHUP reload refused; keeping the running config",
                                         metadata: ["errors": "\(errors.joined(separator: "; "))"])
                        }
                    }
                } else {
                    Task { await self.shutdown(signal: name) }
                }
            }
            source.resume()
            sources.append(source)
        }
        let installed = SignalSources(sources)
        running.withLock { $0.signals = installed }
    }

    /// Re-reads the config from where it came from. Invalid: nothing changes and every error is
    /// returned. Valid: the healer gets it and systemd hears RELOADING=1 then READY=1.
    static func reload(healer: Healer, source: DaemonConfigSource, current: CurrentConfig,
                       notifier: any SystemdNotifying, logger: Logger, notify: Notifier) async -> ReloadOutcome {
        notifier.reloading()
        defer { notifier.ready(status: nil) }
        do {
            let loaded = try source.load()
            // Secret files are read again on every reload; a bad one refuses the reload.
            let resolved: ResolvedNotify
            switch NotifySecrets.resolve(loaded.config.notify) {
            case .success(let r): resolved = r
            case .failure(let failure):
                logger.error("config reload refused: notify secrets", metadata: ["errors": "\(failure.errors.count)"])
                return .rejected(failure.errors.map(\.description))
            }
            let changed = await healer.reload(loaded.config)
            current.replace(with: loaded.config)
            await notify.apply(resolved, config: loaded.config.notify)
            logger.info("config reloaded", metadata: ["changed": "\(changed.joined(separator: ","))"])
            let pending = changed.filter(ReloadApplied.needsRestart)
            if !pending.isEmpty {
                logger.warning("these changes take effect at the next start",
                               metadata: ["keys": "\(pending.joined(separator: ","))"])
            }
            return .applied(changed: changed, origin: loaded.origin)
        } catch {
            logger.error("config reload refused", metadata: ["errors": "\(error.errors.count)"])
            return .rejected(error.errors.map(\.description))
        }
    }
}

/// The installed signal sources, kept so they can be cancelled at shutdown. Dispatch sources are
/// safe to cancel from any thread; the wrapper only tells the compiler so.
final class SignalSources: @unchecked Sendable {
    let sources: [DispatchSourceSignal]
    init(_ sources: [DispatchSourceSignal]) { self.sources = sources }
    func cancelAll() { for source in sources { source.cancel() } }
}
