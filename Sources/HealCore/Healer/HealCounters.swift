/// Counters since the healer started (Prometheus counters start over with the process).
struct HealCounters: Sendable {
    var ticks = 0
    var gatewayRestarts = 0
    var channelRestarts = 0
    var actions: [Key: Int] = [:]

    struct Key: Hashable, Sendable {
        var action: String
        var result: String
        var dryRun: Bool
    }

    mutating func count(action: String, result: String, dryRun: Bool) {
        actions[Key(action: action, result: result, dryRun: dryRun), default: 0] += 1
    }

    var snapshot: StatusSnapshot.Counters {
        let list = actions.map { StatusSnapshot.ActionCount(action: $0.key.action, result: $0.key.result,
                                                            dryRun: $0.key.dryRun, count: $0.value) }
            .sorted { ($0.action, $0.result, $0.dryRun ? 1 : 0) < ($1.action, $1.result, $1.dryRun ? 1 : 0) }
        var c = StatusSnapshot.Counters(ticks: ticks, gatewayRestarts: gatewayRestarts, healActions: list)
        c.channelRestarts = channelRestarts
        return c
    }
}
