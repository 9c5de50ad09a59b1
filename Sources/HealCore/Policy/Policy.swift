import FoundationEssentials

/// The healer's decisions, as pure functions: each takes the state, what was observed, the time and
/// the config, and returns the new state and the decisions. No I/O, no clock: every threshold,
/// streak, cooldown, budget and backoff can be tested with plain values.
///
/// State changes that belong to an action (a restart counted in the budget, a job marked disabled
/// by the healer) are made when the action is decided, because the healer saves the state before
/// it runs anything. An action refused by the config guard changes no state, so it is decided
/// again on the next tick; an action that fails is handled by `applyOutcome`.
public enum Policy {
    /// Minimum spacing of retries of a failed session repin or cron disable.
    public static let actionRetrySec: TimeInterval = 600
    /// Ids the healer answers to as a plugin; it never disables itself.
    public static let selfPluginIds = ["openclaw-self-healing", "openclaw-self-heal"]

    /// One monitor tick.
    public static func evaluate(state: HealState, observation: Observation, now: Date,
                                config: HealConfig) -> PolicyResult {
        var s = state
        var decisions: [Decision] = []
        var restarts: [Decision] = []
        let context = PolicyContext(knownPins: observation.sessions.value ?? [],
                                    configFile: observation.openclawConfig,
                                    hold: MaintenanceGate.hold(maintenance: state.maintenance, gateway: observation.gateway, now: now))

        expireCooldowns(&s, now: now, config: config, into: &decisions)
        forgetQuietModels(&s, now: now)
        resumeRestartsIfDue(&s, now: now, into: &decisions)
        // Evidence first: boots, flapping and the verdicts on earlier actions, then the restart rules.
        let verdict = WhatsAppVerdict.judge(observation.whatsapp)
        let newBoot = trackBoots(&s, observation.gateway, now: now, config: config)
        verifyActions(&s, observation, whatsapp: verdict, newBoot: newBoot, now: now, config: config, into: &decisions)
        trackFlaps(&s, gateway: observation.gateway, whatsapp: verdict, now: now, config: config, into: &decisions)
        let gatewayRestart = gatewayRule(&s, observation.gateway, now: now, config: config,
                                         context: context, into: &restarts)
        whatsappRule(&s, observation.whatsapp, verdict: verdict, gateway: observation.gateway,
                     restartAlreadyDecided: gatewayRestart, now: now, config: config, context: context, into: &restarts)
        if let sessions = observation.sessions.value {
            // Restores first: they judge the pins as observed, before this tick's repins move them.
            let restored = restorePins(&s, sessions: sessions, now: now, config: config, context: context,
                                       into: &decisions)
            repinSessions(&s, sessions: sessions.filter { !restored.contains($0.key) }, now: now, config: config,
                          context: context, incident: nil, into: &decisions)
        }
        if let jobs = observation.cronJobs.value {
            cronRule(&s, jobs: jobs, now: now, config: config, context: context, into: &decisions)
        }
        if let plugins = observation.plugins.value {
            pluginRule(&s, plugins: plugins, now: now, config: config, context: context, into: &decisions)
        }
        scheduleProbes(&s, now: now, config: config, into: &decisions)
        registerDisableVerifications(&s, decisions, now: now, config: config)
        // Restarts go last: the repins, disables and probes above need the gateway up, and a plugin
        // disable only takes effect at the next start anyway.
        return PolicyResult(state: s, decisions: decisions + restarts)
    }

    static func iso(_ date: Date) -> String { Timestamps.isoSeconds(date) }

    static func seconds(_ interval: TimeInterval) -> Int { Int(interval.rounded()) }
}
