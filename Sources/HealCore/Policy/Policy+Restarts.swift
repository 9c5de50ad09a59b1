import FoundationEssentials

extension Policy {
    /// A paused restart budget resumes by itself once `pauseSec` has passed (the dry-run budget too).
    static func resumeRestartsIfDue(_ s: inout HealState, now: Date, into decisions: inout [Decision]) {
        if let until = s.restartBudget.pausedUntil, now >= until {
            let why = s.restartBudget.pauseReason ?? "budget spent"
            s.restartBudget.pausedUntil = nil
            s.restartBudget.pauseReason = nil
            decisions.append(Decision(incident: s.nextIncident(at: now), rule: Rule.restartBudgetResumed,
                                      trigger: "restart pause ended \(iso(until))", evidence: ["paused because: \(why)"]))
        }
        if let until = s.disruptive.dryRunBudget.pausedUntil, now >= until {
            s.disruptive.dryRunBudget.pausedUntil = nil
            s.disruptive.dryRunBudget.pauseReason = nil
        }
    }

    /// What a restart request targets.
    enum RestartScope: Equatable {
        case gateway
        /// One channel account: stop then start it (`stopFirst`), or only start it.
        case channel(channel: String, accountId: String, stopFirst: Bool)
    }

    /// Asks for a gateway or channel restart under the config guard, OpenClaw's crash-loop
    /// breaker (gateway only) and the restart budget, which both scopes share. Returns whether it
    /// was granted; a refusal is still a decision (audited), with the action it would have run.
    /// In dry run the budget spent is a separate one: planning never uses up real restarts.
    static func requestRestart(_ s: inout HealState, scope: RestartScope = .gateway, rule: String, trigger: String,
                               reason: String, evidence: [String], metric: MetricEvent?, now: Date, config: HealConfig,
                               context: PolicyContext, gateway: GatewayObservation? = nil, incident: String? = nil,
                               into decisions: inout [Decision]) -> Bool {
        let action: HealAction
        switch scope {
        case .gateway: action = .restartGateway(reason: reason)
        case .channel(let channel, let account, let stopFirst):
            action = .restartChannel(channel: channel, accountId: account, stopFirst: stopFirst, reason: reason)
        }
        let id = incident ?? s.nextIncident(at: now)
        func refuse(_ why: String) {
            decisions.append(Decision(incident: id, rule: rule, trigger: trigger, evidence: evidence, action: action, refusal: why))
        }
        if let refusal = ActionGuard.refusal(for: action, context: context) {
            refuse(refusal)
            return false
        }
        if let pending = s.disruptive.verifications.first(where: \.isRestart) {
            refuse("restart under way: the \(pending.kind.rawValue) of \(iso(pending.startedAt)) is not judged yet")
            return false
        }
        if scope == .gateway, let why = breakerRefusal(s, now: now, config: config) {
            refuse(why)
            return false
        }
        let dryRun = config.dryRun
        var budget = dryRun ? s.disruptive.dryRunBudget : s.restartBudget
        let used = budget.used(at: now, windowSec: config.restartBudget.windowSec)
        let verdict = RestartGate.request(&budget, trigger: rule, now: now, config: config)
        if dryRun { s.disruptive.dryRunBudget = budget } else { s.restartBudget = budget }
        switch verdict {
        case .refused(let why, let pausedNow):
            refuse(why)
            if pausedNow {
                decisions.append(Decision(incident: id, rule: Rule.restartBudgetPaused, trigger: why,
                                          evidence: ["resumes by itself at \(iso(budget.pausedUntil ?? now))"]))
            }
            return false
        case .allowed:
            let label = scope == .gateway ? "restart" : "channel restart"
            decisions.append(Decision(
                incident: id, rule: rule, trigger: trigger,
                evidence: evidence + ["\(label): \(used + 1) of \(config.restartBudget.maxRestarts) restarts in \(config.restartBudget.windowSec) s"
                                      + (dryRun ? " (dry-run budget)" : "")],
                action: action, metric: metric))
            registerRestart(&s, scope: scope, incident: id, rule: rule, now: now, config: config, gateway: gateway)
            // Everyone gets a fresh start after a restart: OpenClaw's own channel monitor gets its
            // window again before the healer counts anything against the link.
            s.whatsapp.disconnectStreak = 0
            s.whatsapp.firstDisconnectedAt = nil
            s.whatsapp.lastRestartAt = now
            s.gateway.downStreak = 0
            s.gateway.downSince = nil
            return true
        }
    }

    /// The verification every granted restart gets, and the boot it will cause.
    private static func registerRestart(_ s: inout HealState, scope: RestartScope, incident: String, rule: String,
                                        now: Date, config: HealConfig, gateway: GatewayObservation?) {
        guard !config.dryRun else { return } // nothing runs in dry run, so nothing is verified
        switch scope {
        case .gateway:
            s.disruptive.verifications.append(PendingVerification(
                kind: .gatewayRestart, incident: incident, rule: rule, target: "gateway", startedAt: now,
                deadline: now.addingTimeInterval(TimeInterval(config.gateway.verifyWindowSec)),
                pidBefore: gateway?.pid ?? s.disruptive.lastPid, startedAtBefore: gateway?.startedAt ?? s.disruptive.lastStartedAt,
                dryRun: false))
            s.disruptive.boots.append(now)
            s.disruptive.provisionalBoot = now
        case .channel(let channel, let account, let stopFirst):
            s.disruptive.verifications.append(PendingVerification(
                kind: stopFirst ? .channelRestart : .channelStart, incident: incident, rule: rule,
                target: "\(channel):\(account)", startedAt: now,
                deadline: now.addingTimeInterval(TimeInterval(config.gateway.channelRestartVerifySec))))
        }
    }

    /// A restart decided but refused later (no backup, the state could not be saved) never ran:
    /// its verification and the boot it was counted as go.
    public static func forgetRefusedRestart(state: HealState, decision: Decision) -> HealState {
        var s = state
        switch decision.action {
        case .restartGateway?:
            s.disruptive.verifications.removeAll { $0.incident == decision.incident && $0.kind == .gatewayRestart }
            if let p = s.disruptive.provisionalBoot {
                s.disruptive.boots.removeAll { $0 == p }
                s.disruptive.provisionalBoot = nil
            }
        case .restartChannel?:
            s.disruptive.verifications.removeAll { $0.incident == decision.incident && ($0.kind == .channelRestart || $0.kind == .channelStart) }
        case .disableCron(let id, _)?:
            s.disruptive.verifications.removeAll { $0.kind == .cronDisable && $0.target == id }
        case .disablePlugin(let id)?:
            s.disruptive.verifications.removeAll { $0.kind == .pluginDisable && $0.target == id }
        default: break
        }
        return s
    }

    /// How the gateway stands this tick, from the CLI's systemd state, its RPC answer and the probes.
    enum GatewayCondition: Equatable {
        case up
        /// A suspend lease or an update in progress.
        case suspended
        /// Unit inactive, not failed: stopped on purpose.
        case stoppedByOwner
        /// systemd gave up; the exit status if the CLI said.
        case failed(exitStatus: Int?)
        /// Starting right now.
        case starting
        /// Unit active (or unknown), RPC and probes failing.
        case down
        /// Nothing conclusive.
        case unknown
    }

    static func condition(of g: GatewayObservation) -> GatewayCondition {
        if g.suspended { return .suspended }
        if g.rpcOk == true { return .up }
        let down: Bool?
        if g.rpcOk == false { down = g.live != true }
        else if g.live == true { down = false }
        else if g.live == false { down = true }
        else if g.reachable == false { down = true }
        else if g.reachable == true { down = false }
        else { down = nil }
        guard let down else {
            switch g.serviceState {
            case .inactive: return .stoppedByOwner
            case .failed: return .failed(exitStatus: g.lastExitStatus)
            default: return .unknown
            }
        }
        guard down else { return .up }
        switch g.serviceState {
        case .inactive: return .stoppedByOwner
        case .failed: return .failed(exitStatus: g.lastExitStatus)
        case .activating: return .starting
        case .active, .unknown: return .down
        }
    }

    /// Exit statuses after which a restart cannot help: 78 is OpenClaw's "config invalid" (or a
    /// lock held by another gateway on the port), 0 a clean stop.
    static let exitStatusesARestartCannotFix: Set<Int> = [0, 78]

    /// The gateway rule. Wedged (unit active or unknown, RPC and probes failing) for
    /// `gateway.downTicks` ticks and `gateway.downWindowSec`: restart it, under the breaker and the
    /// budget. Stopped by its owner: never started, one alert. Failed: one alert with the exit
    /// status, and a restart only for a status a restart can fix. Suspended, starting, or in safe
    /// mode: left alone. A gateway never seen live is not restarted. RPC answering means up,
    /// whatever `/healthz` says (a refused or slow probe is then a probe fault).
    static func gatewayRule(_ s: inout HealState, _ g: GatewayObservation, now: Date, config: HealConfig,
                            context: PolicyContext, into decisions: inout [Decision]) -> Bool {
        let condition = condition(of: g)
        noteGatewayCondition(&s, condition, g, now: now, into: &decisions)
        switch condition {
        case .unknown:
            return false
        case .up:
            s.gateway.downStreak = 0
            s.gateway.downSince = nil
            if g.live == true || g.rpcOk == true {
                s.gateway.lastSeenLiveAt = now
                s.disruptive.gatewayRestartExhausted = false
            }
            return false
        case .suspended, .stoppedByOwner, .starting:
            s.gateway.downStreak = 0
            s.gateway.downSince = nil
            return false
        case .failed(let status):
            guard let status, !exitStatusesARestartCannotFix.contains(status) else {
                s.gateway.downStreak = 0
                s.gateway.downSince = nil
                return false
            }
        case .down:
            break
        }
        s.gateway.downStreak += 1
        let since = s.gateway.downSince ?? now
        s.gateway.downSince = since
        guard s.gateway.downStreak >= config.gateway.downTicks,
              now.timeIntervalSince(since) >= TimeInterval(config.gateway.downWindowSec),
              let lastLive = s.gateway.lastSeenLiveAt else { return false }
        // Waiting, not refusing: a restart already under way, flapping, or safe mode.
        if s.disruptive.verifications.contains(where: \.isRestart) { return false }
        if s.disruptive.gatewayFlap.isFlapping || g.safeMode { return false }
        if s.disruptive.gatewayRestartExhausted { return false } // the did-not-help alert told a human
        let downFor = seconds(now.timeIntervalSince(since))
        var evidence = ["reachable: \(g.reachable.map(String.init) ?? "unknown"), live: \(g.live.map(String.init) ?? "unknown"), rpc ok: \(g.rpcOk.map(String.init) ?? "unknown"), unit: \(g.serviceState.rawValue)",
                        "detail: \(g.detail)", "down since \(iso(since)); last seen live \(iso(lastLive))"]
        if case .failed(let status) = condition { evidence.append("systemd gave up on the unit (exit status \(status.map(String.init) ?? "?"))") }
        return requestRestart(
            &s, rule: Rule.gatewayRestart, trigger: "gateway not live for \(s.gateway.downStreak) ticks (\(downFor) s)",
            reason: "gateway not live for \(downFor) s",
            evidence: evidence,
            metric: MetricEvent(event: "gateway-restart", fields: ["downTicks": .int(s.gateway.downStreak), "downSec": .int(downFor)]),
            now: now, config: config, context: context, gateway: g, into: &decisions)
    }

    /// Says each gateway condition a human should know about once per episode.
    private static func noteGatewayCondition(_ s: inout HealState, _ condition: GatewayCondition, _ g: GatewayObservation,
                                             now: Date, into decisions: inout [Decision]) {
        // A tick that could not tell changes nothing: the condition is not said again after it.
        if condition == .unknown { return }
        let word: String?
        var rule = ""
        var trigger = ""
        var evidence = ["detail: \(g.detail)"]
        switch condition {
        case .stoppedByOwner:
            word = "stopped-by-owner"; rule = Rule.gatewayStoppedByOwner
            trigger = "gateway unit is inactive (stopped, not failed): the healer never starts it; start it yourself with `openclaw gateway start` when it should run"
        case .failed(let status):
            word = "failed"; rule = Rule.gatewayFailed
            let cannotFix = status.map { exitStatusesARestartCannotFix.contains($0) } ?? true
            trigger = "systemd gave up on the gateway (exit status \(status.map(String.init) ?? "unknown")): "
                + (cannotFix ? "a restart cannot fix this; read `journalctl --user -u openclaw-gateway.service` and fix the cause (exit 78: the config or the port lock)"
                             : "the healer restarts it under the budget; if it fails again read `journalctl --user -u openclaw-gateway.service`")
        case .suspended:
            word = "suspended"; rule = Rule.gatewaySuspended
            trigger = "gateway suspended (a suspend lease or an update in progress): left alone until it resumes"
        case .up where g.safeMode:
            word = "safe-mode"; rule = Rule.gatewaySafeMode
            trigger = "OpenClaw's crash-loop breaker holds the gateway in safe mode: no restart; stopped accounts are started with `channels.start`, else wait for the unclean-boot window to drain"
        case .up where g.probeFault != nil:
            word = "probe-fault"; rule = Rule.gatewayProbeFault
            trigger = "gateway RPC answers but the HTTP probe does not: counted as up; check openclaw.gatewayUrl"
            evidence.append(g.probeFault ?? "")
        default:
            word = nil
        }
        guard s.disruptive.gatewayCondition != word else { return }
        s.disruptive.gatewayCondition = word
        guard word != nil else { return }
        decisions.append(Decision(incident: s.nextIncident(at: now), rule: rule, trigger: trigger, evidence: evidence))
    }
}
