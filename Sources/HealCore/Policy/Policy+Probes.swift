import FoundationEssentials

extension Policy {
    /// Models worth probing: every cooled model, and every model that sessions wait to be restored
    /// to and that has not yet passed two probes in a row. `modelOrder` ones first.
    public static func probeCandidates(_ s: HealState, now: Date, config: HealConfig) -> [ModelID] {
        let pool = ModelPool(state: s, order: config.modelOrder, now: now)
        // Transient classes first: the hourly budget goes where a probe can find a recovery.
        let slow = Set(pool.cooled.filter { probeSpacingSec(for: s.models[$0]?.cooldown?.reason, config: config) > config.probeIntervalSec })
        var list = pool.cooled.filter { !slow.contains($0) } + pool.cooled.filter { slow.contains($0) }
        let waiting = Set(s.pins.values.map(\.original)).filter { (s.probes.goodStreak[$0] ?? 0) < 2 }
        let extra = waiting.filter { !list.contains($0) }.sorted { a, b in
            let ia = config.modelOrder.firstIndex(of: a) ?? Int.max
            let ib = config.modelOrder.firstIndex(of: b) ?? Int.max
            return ia != ib ? ia < ib : a < b
        }
        list.append(contentsOf: extra)
        return list
    }

    /// Probes left in the rolling hour.
    public static func probeBudgetLeft(_ s: HealState, now: Date, config: HealConfig) -> Int {
        max(0, config.probe.budgetPerHour - s.probes.used(at: now))
    }

    /// When `model` may next be probed on the tick schedule: a spacing that fits its failure class
    /// (`probeSpacingSec`) after its last probe and after its last failure (probing right after a
    /// failure learns nothing), and never before an absolute reset time the provider gave (`resets
    /// at …`: a probe before it only meets the same limit).
    public static func nextProbeAt(_ s: HealState, model: ModelID, config: HealConfig) -> Date? {
        let record = s.models[model]
        let anchors = [s.probes.lastProbeAt[model], record?.lastHitAt].compactMap { $0 }
        let reason = record?.cooldown?.reason ?? record?.lastReason
        var next = anchors.max()?.addingTimeInterval(TimeInterval(probeSpacingSec(for: reason, config: config)))
        if let reset = record?.cooldown?.resetAt {
            next = max(next ?? reset, reset)
        }
        return next
    }

    /// Probe spacing by class: transient classes every `probeIntervalSec`; a bad key, a broken
    /// certificate or a missing model (a human has to act) at most every 30 min; an empty account
    /// or a revoked key at most every 6 h, so they cannot eat the hourly probe budget.
    public static func probeSpacingSec(for reason: FailureReason?, config: HealConfig) -> Int {
        let base = config.probeIntervalSec
        switch reason {
        case .auth?, .tlsCertificate?, .modelNotFound?: return max(base, 1800)
        case .billing?, .authPermanent?: return max(base, 6 * 3600)
        default: return base
        }
    }

    /// The tick's probes: candidates whose spacing has passed, while the hourly budget lasts.
    static func scheduleProbes(_ s: inout HealState, now: Date, config: HealConfig, into decisions: inout [Decision]) {
        guard config.probeEnabled else { return }
        s.probes.prune(at: now)
        for model in probeCandidates(s, now: now, config: config) {
            if let next = nextProbeAt(s, model: model, config: config), next > now { continue }
            guard probeBudgetLeft(s, now: now, config: config) > 0 else { break }
            decisions.append(probeDecision(&s, model: model, why: scheduledWhy(s, model, now: now),
                                           now: now, config: config))
        }
    }

    /// Probes asked for through `POST /probe`: the named model (cooled or not: an operator may check
    /// any model) or every candidate, ignoring the per-model spacing (the operator asked for now)
    /// but never the hourly budget, which protects the provider bill. Works with `probeEnabled`
    /// off, which only stops the automatic schedule. Models refused for the budget come back as
    /// failed results that say so.
    public static func planManualProbes(state: HealState, model: ModelID?, now: Date, config: HealConfig)
        -> (result: PolicyResult, refused: [ProbeResult]) {
        var s = state
        s.probes.prune(at: now)
        var decisions: [Decision] = []
        var refused: [ProbeResult] = []
        let targets = model.map { [$0] } ?? probeCandidates(s, now: now, config: config)
        for target in targets {
            guard probeBudgetLeft(s, now: now, config: config) > 0 else {
                let oldest = s.probes.recent.filter { now.timeIntervalSince($0) < 3600 }.min()
                let next = oldest.map { " next slot at \(iso($0.addingTimeInterval(3600)))" } ?? ""
                refused.append(ProbeResult(model: target, ok: false, detail:
                    "refused: probe budget spent (\(config.probe.budgetPerHour) per hour);" + next))
                continue
            }
            decisions.append(probeDecision(&s, model: target, why: "requested through POST /probe",
                                           now: now, config: config))
        }
        return (PolicyResult(state: s, decisions: decisions), refused)
    }

    static func probeDecision(_ s: inout HealState, model: ModelID, why: String, now: Date, config: HealConfig) -> Decision {
        s.probes.lastProbeAt[model] = now
        s.probes.recent.append(now)
        let left = probeBudgetLeft(s, now: now, config: config)
        return Decision(incident: s.nextIncident(at: now), rule: Rule.modelProbe, trigger: "probe \(model): \(why)",
                        evidence: ["probe budget left this hour: \(left) of \(config.probe.budgetPerHour)"],
                        action: .probeModel(model: model))
    }

    private static func scheduledWhy(_ s: HealState, _ model: ModelID, now: Date) -> String {
        if let c = s.models[model]?.cooldown, c.until > now {
            return "cooling for \(c.reason.rawValue) until \(iso(c.until))"
        }
        return "sessions wait for it (\(s.probes.goodStreak[model] ?? 0) of 2 passing probes)"
    }

    /// A probe's result: a pass lifts the cooldown early and counts toward restoring pins; a
    /// model failure extends the cooldown per its class (with a new strike); anything else (the probe
    /// could not run, an unclassified error) changes nothing.
    public static func applyProbe(state: HealState, result: ProbeResult, now: Date, config: HealConfig) -> PolicyResult {
        var s = state
        var decisions: [Decision] = []
        let model = result.model
        if result.ok {
            s.probes.goodStreak[model, default: 0] += 1
            if let cooldown = s.models[model]?.cooldown, cooldown.until > now {
                decisions.append(recovered(
                    &s, model, trigger: "\(model) passed a probe while cooling",
                    evidence: ["cooled for \(cooldown.reason.rawValue) since \(iso(cooldown.since)); was due back \(iso(cooldown.until))",
                               "probe latency \(result.latencyMs) ms" + (result.detail.isEmpty ? "" : ": \(result.detail)")],
                    now: now, config: config))
            }
            return PolicyResult(state: s, decisions: decisions)
        }
        guard let reason = result.reason, reason.isModelFailure else {
            return PolicyResult(state: s, decisions: [])
        }
        recordFailure(&s, model: model, reason: reason, retryAfterSec: nil, failedAt: now, source: "probe",
                      errorText: result.detail, evidence: ["source: probe", "model: \(model)",
                                                           "class: \(reason.rawValue)", "probe: \(result.detail)"],
                      fromProbe: true, now: now, config: config, into: &decisions)
        return PolicyResult(state: s, decisions: decisions)
    }
}
