import FoundationEssentials

extension Policy {
    /// A WhatsApp link that stays down, healed smallest scope first: `channels.stop` +
    /// `channels.start` for the account, then (when that is unsupported or did not bring the link
    /// back within `gateway.channelRestartVerifySec`) a gateway restart, then an alert.
    ///
    /// The first step needs the default account configured and linked, down for
    /// `whatsappDisconnectThreshold` consecutive ticks AND for `openclaw.channelRestartGraceSec`
    /// (OpenClaw's own channel health monitor gets that long). The outage is measured from the
    /// gateway's evidence: the later of `lastDisconnect.at` and `lastConnectedAt`, and after a
    /// restart of ours from that restart if it is later; the healer's own first sight counts only
    /// when the gateway gives no time. A link still recovering (`starting`, `reconnecting`, running
    /// with reconnect attempts left) is not a disconnect; logged-out or replaced links raise an
    /// alert instead. While the gateway is in safe mode, a stopped account gets `channels.start`
    /// and nothing is restarted. Every step passes the restart budget (which both steps share).
    static func whatsappRule(_ s: inout HealState, _ observed: Observed<WhatsAppObservation>, verdict: WhatsAppVerdict,
                             gateway: GatewayObservation, restartAlreadyDecided: Bool, now: Date, config: HealConfig,
                             context: PolicyContext, into decisions: inout [Decision]) {
        if verdict != .unobserved {
            s.whatsapp.lastStatus = verdict.status
            s.whatsapp.lastDetail = verdict.detail
        }
        switch verdict {
        case .unobserved, .gatewayUnreachable, .unknown:
            return // cannot tell: the streak neither grows nor resets
        case .recovering:
            s.whatsapp.disconnectStreak = 0 // OpenClaw is at work: not a disconnect
            return
        case .notConfigured, .connected:
            s.whatsapp.disconnectStreak = 0
            s.whatsapp.firstDisconnectedAt = nil
            s.whatsapp.alerted = nil
            s.disruptive.ladder = WhatsAppLadder(channelLifecycleUnsupported: s.disruptive.ladder.channelLifecycleUnsupported)
            return
        case .loggedOut(let why), .conflict(let why):
            s.whatsapp.disconnectStreak = 0
            s.whatsapp.firstDisconnectedAt = nil
            guard s.whatsapp.alerted != verdict.status else { return }
            s.whatsapp.alerted = verdict.status
            decisions.append(Decision(incident: s.nextIncident(at: now), rule: Rule.whatsappAlert,
                                      trigger: "WhatsApp \(verdict.status): needs a human, not a restart",
                                      evidence: [why]))
            return
        case .disconnected(let why):
            guard !restartAlreadyDecided else { return } // the restart resets the streak
            let w = observed.value
            s.whatsapp.disconnectStreak += 1
            let firstSight = s.whatsapp.firstDisconnectedAt ?? now
            s.whatsapp.firstDisconnectedAt = firstSight
            let since = outageStart(w, ourRestart: s.whatsapp.lastRestartAt, firstSight: firstSight, now: now)
            let downFor = now.timeIntervalSince(since.at)
            // Waiting, not refusing: our own step is being verified, or the link flaps (one alert said so).
            if s.disruptive.verifications.contains(where: \.isRestart) || s.disruptive.whatsappFlap.isFlapping { return }
            let account = w?.accountId ?? "default"
            if gateway.safeMode {
                safeModeStep(&s, account: account, stopped: w?.running == false || w?.healthState == "stopped", why: why,
                             gateway: gateway, now: now, config: config, context: context, into: &decisions)
                return
            }
            let step = s.disruptive.ladder.step
            let escalating = step == .gatewayNext
            guard escalating || (s.whatsapp.disconnectStreak >= config.autoFix.whatsappDisconnectThreshold
                                 && downFor >= TimeInterval(config.openclaw.channelRestartGraceSec)) else { return }
            guard step != .exhausted else { return } // the did-not-help alert told a human
            let evidence = [why, "down since \(iso(since.at)) (\(since.source)), \(seconds(downFor)) s; \(s.whatsapp.disconnectStreak) ticks seen down",
                            "OpenClaw's channel monitor had \(config.openclaw.channelRestartGraceSec) s to recover it"]
            guard config.autoFix.restartWhatsappOnDisconnect else {
                guard s.whatsapp.alerted != "disconnected" else { return }
                s.whatsapp.alerted = "disconnected"
                decisions.append(Decision(incident: s.nextIncident(at: now), rule: Rule.whatsappAlert,
                                          trigger: "WhatsApp disconnected; restarts are off (autoFix.restartWhatsappOnDisconnect)",
                                          evidence: evidence))
                return
            }
            let streak = s.whatsapp.disconnectStreak
            var ladder = LazyIncident(s.disruptive.ladder.incident)
            let incident = ladder.get(&s, at: now)
            s.disruptive.ladder.incident = incident
            if !escalating && !s.disruptive.ladder.channelLifecycleUnsupported {
                _ = requestRestart(
                    &s, scope: .channel(channel: "whatsapp", accountId: account, stopFirst: true), rule: Rule.channelRestart,
                    trigger: "WhatsApp disconnected for \(seconds(downFor)) s: restarting the channel first",
                    reason: "WhatsApp disconnected for \(seconds(downFor)) s", evidence: evidence,
                    metric: MetricEvent(event: Rule.channelRestart, fields: ["disconnectStreak": .int(streak), "downSec": .int(seconds(downFor))]),
                    now: now, config: config, context: context, gateway: gateway, incident: incident, into: &decisions)
                return
            }
            let reason = escalating ? "the channel restart did not bring WhatsApp back" : "the gateway has no channel restart"
            _ = requestRestart(
                &s, rule: Rule.whatsappRestart, trigger: "WhatsApp disconnected for \(seconds(downFor)) s; \(reason)",
                reason: "WhatsApp disconnected for \(seconds(downFor)) s", evidence: evidence + [reason],
                metric: MetricEvent(event: "whatsapp-restart", fields: ["disconnectStreak": .int(streak)]),
                now: now, config: config, context: context, gateway: gateway, incident: incident, into: &decisions)
        }
    }

    /// When the outage began, and from whose evidence.
    static func outageStart(_ w: WhatsAppObservation?, ourRestart: Date?, firstSight: Date, now: Date) -> (at: Date, source: String) {
        let evidence = [w?.lastDisconnectAt, w?.lastConnectedAt].compactMap { $0 }.filter { $0 <= now }.max()
        guard let evidence else {
            if let ourRestart, ourRestart > firstSight { return (ourRestart, "our restart") }
            return (firstSight, "first seen by the healer")
        }
        if let ourRestart, ourRestart > evidence { return (ourRestart, "our restart, after the gateway's last disconnect") }
        return (evidence, "the gateway's lastDisconnect/lastConnectedAt")
    }

    /// Safe mode: never a restart. A stopped account gets one `channels.start` once the gateway
    /// answers; otherwise the healer waits for the unclean-boot window to drain, and says so once.
    private static func safeModeStep(_ s: inout HealState, account: String, stopped: Bool, why: String,
                                     gateway: GatewayObservation, now: Date, config: HealConfig, context: PolicyContext,
                                     into decisions: inout [Decision]) {
        if stopped, gateway.rpcOk == true, !s.disruptive.ladder.safeModeStartTried {
            s.disruptive.ladder.safeModeStartTried = true
            _ = requestRestart(
                &s, scope: .channel(channel: "whatsapp", accountId: account, stopFirst: false), rule: Rule.channelStart,
                trigger: "gateway in safe mode with WhatsApp stopped: starting the account (`channels.start`), no restart",
                reason: "safe mode left the account stopped", evidence: [why],
                metric: MetricEvent(event: Rule.channelStart, fields: [:]), now: now, config: config, context: context,
                gateway: gateway, into: &decisions)
            return
        }
        guard s.whatsapp.alerted != "safe-mode" else { return }
        s.whatsapp.alerted = "safe-mode"
        decisions.append(Decision(incident: s.nextIncident(at: now), rule: Rule.gatewaySafeMode,
                                  trigger: "WhatsApp down while the gateway is in safe mode: no restart; waiting for the unclean-boot window to drain",
                                  evidence: [why]))
    }
}
