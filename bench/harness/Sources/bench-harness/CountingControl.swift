import HealCore
import Synchronization

/// A `GatewayControl` that runs nothing and counts what it was asked to run. The tick benchmark
/// excludes the commands' own run time; the count is reported so a run that did decide actions is
/// visible rather than silently cheaper.
final class CountingControl: GatewayControl {
    private let executed = Mutex(0)

    var executedCount: Int { executed.withLock { $0 } }

    func plan(_ action: HealAction, config: HealConfig) -> ActionPlan {
        ActionPlan(argv: [])
    }

    func execute(_ action: HealAction, config: HealConfig) async -> ActionOutcome {
        executed.withLock { $0 += 1 }
        return ActionOutcome(ok: true, detail: "not run (benchmark)")
    }
}
