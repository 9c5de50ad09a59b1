import FoundationEssentials

/// Builds the `StatusSnapshot` from the state, the config and the healer's runtime facts. Pure.
public enum StatusBuilder {
    public static func build(state s: HealState, config: HealConfig, inputs: StatusInputs) -> StatusSnapshot {
        let now = inputs.now
        let pool = ModelPool(state: s, order: config.modelOrder, now: now)
        let active = pool.active
        let extraModels = s.models.keys.filter { !config.modelOrder.contains($0) && pool.isCooling($0) }.sorted()
        let models = (config.modelOrder + extraModels).map { id -> StatusSnapshot.ModelStatus in
            let record = s.models[id]
            let cooling = pool.isCooling(id)
            return StatusSnapshot.ModelStatus(
                id: id.description, status: cooling ? .cooldown : .available, cooldownRemainingSec: pool.remainingSec(id),
                reason: cooling ? record?.cooldown?.reason.rawValue : nil,
                cooldownUntil: cooling ? record?.cooldown.map { unix($0.until) } : nil,
                strikes: record?.strikes ?? 0, active: id == active)
        }
        let failing = s.crons.keys.sorted().compactMap { id -> StatusSnapshot.FailingJob? in
            guard let t = s.crons[id], t.failedRuns > 0 || t.disabledByUs || t.autoDisabledReason != nil else { return nil }
            return StatusSnapshot.FailingJob(id: id, name: t.name, failedRuns: t.failedRuns,
                                             disabledByHealer: t.disabledByUs,
                                             autoDisabledReason: t.autoDisabledReason, lastError: t.lastError)
        }
        let errored = s.plugins.keys.sorted().filter { s.plugins[$0]?.lastStatus == "error" }
        let disabledPlugins = s.plugins.keys.sorted().filter { s.plugins[$0]?.disabledByUs == true }
        let budget = s.restartBudget
        let used = budget.used(at: now, windowSec: config.restartBudget.windowSec)
        let paused = budget.isPaused(at: now)
        let probesUsed = s.probes.used(at: now)
        let repinned = s.pins.keys.sorted().compactMap { key -> StatusSnapshot.RepinnedSession? in
            guard let p = s.pins[key] else { return nil }
            return StatusSnapshot.RepinnedSession(key: key, original: p.original.description, repinnedTo: p.repinnedTo.description,
                                                  at: unix(p.at), originalGoodProbes: s.probes.goodStreak[p.original] ?? 0)
        }
        let g = inputs.gateway
        // Observation details quote what the CLI printed, and a CLI error can quote a key.
        let gatewayDetail = Redactor.redact(g?.detail ?? "not observed yet", maxBytes: 1000)
        let whatsappDetail = Redactor.redact(s.whatsapp.lastDetail, maxBytes: 1000)
        var snapshot = StatusSnapshot(
            health: .healthy, activeModel: active?.description ?? "", models: models,
            whatsapp: .init(status: s.whatsapp.lastStatus, disconnectStreak: s.whatsapp.disconnectStreak,
                            detail: whatsappDetail, disconnectedSince: s.whatsapp.firstDisconnectedAt.map(unix)),
            cron: .init(trackedJobs: s.crons.count, failingJobs: failing),
            config: .init(dryRun: config.dryRun, probeEnabled: config.probeEnabled,
                          cooldownMinutes: config.cooldownMinutes, modelOrder: config.modelOrder.map(\.description)),
            generatedAt: unix(now),
            plugins: .init(tracked: s.plugins.count, errored: errored, disabledByHealer: disabledPlugins),
            gateway: .init(reachable: g?.reachable, live: g?.live, ready: g?.ready,
                           detail: gatewayDetail, downStreak: s.gateway.downStreak),
            restartBudget: .init(used: used, max: config.restartBudget.maxRestarts,
                                 windowSec: config.restartBudget.windowSec,
                                 remaining: paused ? 0 : max(0, config.restartBudget.maxRestarts - used),
                                 paused: paused, pausedUntil: paused ? budget.pausedUntil.map(unix) : nil,
                                 pauseReason: paused ? budget.pauseReason : nil,
                                 lastRestartAt: budget.lastRestartAt.map(unix)),
            sessionsRepinned: .init(count: repinned.count, sessions: repinned),
            probes: .init(enabled: config.probeEnabled, budgetPerHour: config.probe.budgetPerHour,
                          usedLastHour: probesUsed, remaining: max(0, config.probe.budgetPerHour - probesUsed),
                          intervalSec: config.probeIntervalSec),
            lastTick: inputs.lastTickAt.map { .init(at: $0.timeIntervalSince1970, durationMs: inputs.lastTickDurationMs) },
            faults: inputs.faults, counters: inputs.counters, version: inputs.version, pid: inputs.pid,
            uptimeSec: max(0, Int(now.timeIntervalSince(inputs.startedAt))), startedAt: unix(inputs.startedAt))
        snapshot.gateway.rpcOk = g?.rpcOk
        snapshot.gateway.serviceState = g.map { $0.serviceState.rawValue }
        snapshot.gateway.pid = g?.pid
        snapshot.gateway.startedAt = g?.startedAt.map(unix)
        snapshot.gateway.suspended = g?.suspended
        snapshot.gateway.safeMode = g?.safeMode
        snapshot.gateway.probeFault = g?.probeFault.map { Redactor.redact($0, maxBytes: 500) }
        snapshot.disruptive = disruptive(s, config: config, counters: inputs.counters, now: now)
        snapshot.health = health(snapshot, pool: pool, lastTickActed: inputs.lastTickActed)
        return snapshot
    }

    /// - degraded: something is wrong that healing has not fixed or cannot fix: the gateway is down,
    ///   WhatsApp is down / logged out / replaced, restarts are paused, a link or the gateway flaps, the
    ///   gateway is in safe mode or its unit failed, every model of `modelOrder`
    ///   is cooling, a cron job fails or a plugin errors without the healer having disabled it, or
    ///   an observation or file write failed.
    /// - healing: the healer is working around a failure: a model is cooling, sessions are
    ///   repinned, or the last tick took an action.
    /// - healthy: otherwise.
    public static func health(_ s: StatusSnapshot, pool: ModelPool, lastTickActed: Bool) -> Health {
        let gatewayDown = s.gateway.live == false || (s.gateway.live == nil && s.gateway.reachable == false)
        let whatsappBad = ["disconnected", "logged-out", "conflict"].contains(s.whatsapp.status)
        let allCooling = !pool.order.isEmpty && pool.available.isEmpty
        let cronBad = s.cron.failingJobs.contains { !$0.disabledByHealer }
        let pluginBad = s.plugins.errored.contains { !s.plugins.disabledByHealer.contains($0) }
        let flapping = s.disruptive.map { $0.whatsappFlapping || $0.gatewayFlapping } ?? false
        let gatewayHeld = s.gateway.safeMode == true || s.gateway.serviceState == "failed"
        if gatewayDown || whatsappBad || s.restartBudget.paused || allCooling || cronBad || pluginBad || !s.faults.isEmpty
            || flapping || gatewayHeld {
            return .degraded
        }
        if s.models.contains(where: { $0.status == .cooldown }) || s.sessionsRepinned.count > 0 || lastTickActed {
            return .healing
        }
        return .healthy
    }

    static func unix(_ date: Date) -> Int { Int(date.timeIntervalSince1970.rounded(.down)) }
}
