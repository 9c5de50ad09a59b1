import FoundationEssentials
import HealCore
import Synchronization

/// Remembers what `openclaw config validate` said about one set of config bytes, so the command
/// (a whole Node start on a real gateway host) runs when the config changed, and otherwise at most
/// every `maxAgeSec`, not on every tick. A timeout is never remembered: the next tick asks again.
final class ConfigValidateCache: @unchecked Sendable {
    static let maxAgeSec: TimeInterval = 600

    private let lock = Mutex(())
    private var digest: String?
    private var verdict: ConfigFileObservation?
    private var at: Date?

    /// The remembered answer for `digest` (nil inside: the walk's verdict stands), if still fresh.
    func answer(for digest: String?, now: Date) -> ConfigFileObservation?? {
        lock.withLock { _ in
            guard let digest, digest == self.digest, let at, now.timeIntervalSince(at) < Self.maxAgeSec else { return nil }
            return .some(verdict)
        }
    }

    func remember(_ verdict: ConfigFileObservation?, for digest: String?, now: Date) {
        lock.withLock { _ in
            self.digest = digest; self.verdict = verdict; self.at = now
        }
    }
}
