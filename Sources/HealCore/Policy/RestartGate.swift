import FoundationEssentials
import Glibc

/// The restart budget: at most `restartBudget.maxRestarts` gateway restarts per rolling
/// `windowSec`, spaced with a doubling backoff, and a pause of `pauseSec` once a restart is wanted
/// while the budget is spent.
///
/// Spacing: before the k-th restart of a window (k ≥ 2) at least
/// `whatsappMinRestartIntervalSec · 2^(k-2)` must have passed since the previous one (300 s, then
/// 600 s, … with the defaults), and never less than `whatsappMinRestartIntervalSec` after any
/// restart, in or out of the window. The same budget covers every restart trigger (WhatsApp, an
/// unreachable gateway): they all restart the same gateway.
public enum RestartGate {
    public enum Verdict: Equatable, Sendable {
        case allowed
        /// Refused; `pausedNow` is set when this refusal started a pause.
        case refused(reason: String, pausedNow: Bool)
    }

    /// Checks a wanted restart at `now`; updates `budget` (pruning, pausing) and, when allowed,
    /// records the restart.
    public static func request(_ budget: inout RestartBudgetState, trigger: String, now: Date,
                               config: HealConfig) -> Verdict {
        let window = TimeInterval(config.restartBudget.windowSec)
        budget.restarts.removeAll { now.timeIntervalSince($0) >= window }
        if let until = budget.pausedUntil {
            if now < until {
                return .refused(reason: "restarts paused until \(Policy.iso(until)): \(budget.pauseReason ?? "budget spent")",
                                pausedNow: false)
            }
            budget.pausedUntil = nil
            budget.pauseReason = nil
        }
        let used = budget.restarts.count
        if used >= config.restartBudget.maxRestarts {
            let until = now.addingTimeInterval(TimeInterval(config.restartBudget.pauseSec))
            let why = "restart budget spent: \(used) restarts in the last \(config.restartBudget.windowSec) s (max \(config.restartBudget.maxRestarts)); \(trigger) wanted another"
            budget.pausedUntil = until
            budget.pauseReason = why
            return .refused(reason: "\(why); restarts paused until \(Policy.iso(until))", pausedNow: true)
        }
        let base = TimeInterval(config.autoFix.whatsappMinRestartIntervalSec)
        if let last = budget.lastRestartAt {
            let required = used == 0 ? base : base * pow(2, Double(used - 1))
            let since = now.timeIntervalSince(last)
            if since < required {
                return .refused(reason: "backoff: last restart \(Policy.seconds(since)) s ago, \(Policy.seconds(required)) s required before restart \(used + 1) of \(config.restartBudget.maxRestarts) in this window",
                                pausedNow: false)
            }
        }
        budget.restarts.append(now)
        budget.lastRestartAt = now
        return .allowed
    }
}
