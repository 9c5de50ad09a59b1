import FoundationEssentials

extension Healer {
    /// What carrying out a batch of decisions produced.
    struct Carried {
        var records: [DecisionRecord] = []
        /// Results of the probes in the batch (executed, or described in dry run).
        var probes: [ProbeResult] = []
        /// A heal action ran or was planned (probes included).
        var acted = false
        /// A disruptive action ran or was planned.
        var disrupted = false
    }

    /// Takes the policy's new state and carries out its decisions, in order:
    /// 1. before any disruptive action: a backup of `openclaw.json` and of its `$include` files;
    ///    before any action at all: the state on disk (with the actions marked in flight; the
    ///    journal's `durable()`, shared with every other caller waiting for the same fsync); if
    ///    either fails, the disruptive actions are refused;
    /// 2. each decision: refused ones and alerts are only recorded; actions run through
    ///    `GatewayControl` (in dry run only planned); failures adjust the state (`Policy.applyOutcome`);
    ///    probe results go back to the policy;
    /// 3. each decision's audit record, its heal event (metrics file) and the counters;
    /// 4. the state saved again.
    ///
    /// `decide` runs the policy on the actor's own state, in place, with no suspension point
    /// between reading the state and changing it, so concurrent calls into the actor cannot lose
    /// updates (and the state is not copied per call).
    func carryOut(now: Date, completeTick: Bool = false, _ decide: (inout HealState) -> [Decision]) async -> Carried {
        ensureLoaded()
        var decisions = decide(&state)
        let dryRun = config.dryRun
        var carried = Carried()
        guard !decisions.isEmpty else { return carried }

        let disruptive = decisions.indices.filter { decisions[$0].isRunnable && decisions[$0].action?.isDisruptive == true }
        if !dryRun, let first = disruptive.first {
            do {
                let backups = ConfigBackups(configFile: paths.configFile, directory: paths.configBackupsDir)
                let includes = Array(lastConfigFiles.files.dropFirst())
                state.pendingBackups += try backups.takeAll(includes: includes, at: now, incident: decisions[first].incident,
                                                            pending: state.pendingBackups)
                state.pendingBackups = backups.enforceRetention(state.pendingBackups, now: now, retention: config.retention)
                fileFaults["config-backup"] = nil
            } catch {
                fileFaults["config-backup"] = error.description
                refuse(&decisions, disruptive, because: "no backup of openclaw.json could be taken: \(error.description)", now: now)
            }
        }
        let inFlight = dryRun ? [] : decisions.filter(\.isRunnable).map {
            InFlightAction(incident: $0.incident, rule: $0.rule, kind: $0.action!.kind, summary: $0.action!.summary,
                           dryRun: false, startedAt: now)
        }
        state.inFlight.append(contentsOf: inFlight)
        persist()
        // The actor stays open while the journal writes: other events decided meanwhile hand
        // over their state too and share this fsync (group commit).
        if !dryRun, decisions.contains(where: \.isRunnable), let failure = await journal.durable() {
            let stillRunnable = decisions.indices.filter { decisions[$0].isRunnable && decisions[$0].action?.isDisruptive == true }
            refuse(&decisions, stillRunnable, because: "the state could not be saved first: \(failure)", now: now)
        }

        let quiet = RefusalNoise.filter(decisions, memory: state.disruptive.refusals, completeTick: completeTick)
        state.disruptive.refusals = quiet.memory
        for (index, decision) in decisions.enumerated() {
            let records = await carryOne(decision, dryRun: dryRun, audited: !quiet.silenced.contains(index), into: &carried)
            carried.records += records
        }
        // Background restarts clear their own in-flight mark when they return.
        let background = Set(backgroundActions.keys)
        state.inFlight.removeAll { f in
            inFlight.contains(f) && !((f.kind == "restart_gateway" || f.kind.hasSuffix("_channel")) && background.contains(f.incident))
        }
        persist()
        return carried
    }

    private func refuse(_ decisions: inout [Decision], _ indices: [Int], because why: String, now: Date) {
        for i in indices where decisions[i].refusal == nil {
            decisions[i].refusal = why
            decisions[i].metric = nil
            state = Policy.applyOutcome(state: state, decision: decisions[i], ok: false, now: now)
            state = Policy.forgetRefusedRestart(state: state, decision: decisions[i])
        }
    }

    /// Carries out one decision; returns its record followed by the records of any decisions its
    /// outcome led to (a probe's recovery or longer cooldown).
    private func carryOne(_ d: Decision, dryRun: Bool, audited: Bool = true, into carried: inout Carried) async -> [DecisionRecord] {
        var outcome: AuditOutcome
        var detail: String
        var plan: ActionPlan?
        var metricDue = d.metric != nil
        var followUps: [Decision] = []

        if let refusal = d.refusal {
            outcome = .refused; detail = refusal; metricDue = false
            if let action = d.action { plan = control.plan(action, config: config) }
        } else if let action = d.action {
            plan = control.plan(action, config: config)
            if dryRun {
                outcome = .planned; detail = "dry run: nothing executed"
                if case .probeModel(let model) = action {
                    carried.probes.append(ProbeResult(model: model, ok: false,
                                                      detail: "dry run: not executed; would run \(Self.describe(plan))"))
                }
            } else if Self.runsInBackground(action) {
                // A gateway restart may take minutes (the CLI follows the gateway's startup), a
                // channel restart two commands: ticks, HTTP answers and watchdog pings go on
                // meanwhile; the outcome is recorded when it returns.
                startInBackground(d, action: action, plan: plan)
                outcome = .started
                let timeout = action.kind == "restart_gateway" ? config.gateway.restartTimeoutSec : config.openclaw.commandTimeoutSec
                detail = "running in the background (timeout \(timeout) s); the next ticks verify it"
                metricDue = false
            } else {
                let result = await control.execute(action, config: config)
                let after = policyNow()
                outcome = result.audited
                detail = result.detail
                metricDue = metricDue && result.ok
                state = Policy.applyCommandOutcome(state: state, decision: d, outcome: result, now: after)
                if case .disablePlugin = action, result.ok { configWrittenForUs = true }
                if case .probeModel(let model) = action {
                    let probe = result.probe ?? ProbeResult(model: model, ok: result.ok, detail: result.detail)
                    carried.probes.append(probe)
                    let applied = Policy.applyProbe(state: state, result: probe, now: after, config: config)
                    state = applied.state
                    followUps = applied.decisions
                }
            }
            carried.acted = carried.acted || outcome != .refused
            carried.disrupted = carried.disrupted || (outcome != .refused && action.isDisruptive)
            if outcome != .started { counters.count(action: action.kind, result: Self.resultLabel(outcome), dryRun: dryRun) }
        } else {
            outcome = .recorded; detail = ""
        }

        let time = clock.now()
        if audited {
            audit(AuditRecord(time: time, incident: d.incident, rule: d.rule, trigger: d.trigger, evidence: d.evidence,
                              action: d.action.map { .init(kind: $0.kind, summary: $0.summary, plan: plan) },
                              dryRun: dryRun, outcome: outcome, detail: detail))
        }
        if metricDue, let metric = d.metric { recordMetric(metric, at: time, dryRun: dryRun && d.action != nil) }
        var records = [DecisionRecord(decision: d, outcome: outcome, detail: detail, plan: plan, dryRun: dryRun)]
        for f in followUps {
            // Probe consequences (a recovery, a longer cooldown) carry no action of their own.
            audit(AuditRecord(time: time, incident: f.incident, rule: f.rule, trigger: f.trigger, evidence: f.evidence,
                              action: nil, dryRun: dryRun, outcome: .recorded, detail: "after \(d.incident)"))
            if let metric = f.metric { recordMetric(metric, at: time, dryRun: false) }
            records.append(DecisionRecord(decision: f, outcome: .recorded, detail: "after \(d.incident)",
                                          plan: nil, dryRun: dryRun))
        }
        return records
    }

    func recordMetric(_ metric: MetricEvent, at time: Date, dryRun: Bool) {
        journal.submit(metric: metric, at: time, dryRun: dryRun, path: paths.metricsFile, rotation: LogRotation(config.retention))
    }

    /// Restarts run off the tick (see `startInBackground`).
    static func runsInBackground(_ action: HealAction) -> Bool {
        switch action {
        case .restartGateway, .restartChannel: return true
        default: return false
        }
    }

    /// Runs a gateway restart off the tick; when it returns, its outcome is audited, counted and
    /// given to the policy, and its in-flight mark cleared.
    private func startInBackground(_ d: Decision, action: HealAction, plan: ActionPlan?) {
        let control = self.control
        let config = self.config
        let task = Task { [weak self] in
            let result = await control.execute(action, config: config)
            await self?.finishBackground(d, action: action, plan: plan, result: result)
        }
        backgroundActions[d.incident] = task
    }

    private func finishBackground(_ d: Decision, action: HealAction, plan: ActionPlan?, result: ActionOutcome) {
        backgroundActions[d.incident] = nil
        let outcome = result.audited
        state = Policy.applyCommandOutcome(state: state, decision: d, outcome: result, now: policyNow())
        if result.ok {
            if case .restartChannel = action { counters.channelRestarts += 1 } else { counters.gatewayRestarts += 1 }
        }
        counters.count(action: action.kind, result: Self.resultLabel(outcome), dryRun: false)
        state.inFlight.removeAll { $0.incident == d.incident && $0.kind == action.kind }
        let time = clock.now()
        audit(AuditRecord(time: time, incident: d.incident, rule: d.rule, trigger: d.trigger, evidence: d.evidence,
                          action: .init(kind: action.kind, summary: action.summary, plan: plan),
                          dryRun: false, outcome: outcome, detail: result.detail))
        if result.ok || result.pending, let metric = d.metric { recordMetric(metric, at: time, dryRun: false) }
        persist()
        writeStatusFile()
    }

    static func resultLabel(_ outcome: AuditOutcome) -> String {
        outcome == .executed ? "ok" : outcome.rawValue // failed | planned | refused
    }

    static func describe(_ plan: ActionPlan?) -> String {
        guard let plan else { return "nothing" }
        let commands = plan.argv.map { $0.joined(separator: " ") }.joined(separator: "; ")
        return commands.isEmpty ? (plan.filePatch ?? "nothing") : commands
    }
}
