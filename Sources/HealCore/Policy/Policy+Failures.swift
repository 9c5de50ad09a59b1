import FoundationEssentials

extension Policy {
    /// A model failure from the log follower or `POST /events`: classify it (once: a reason the
    /// source gave is kept, its text read only for retry hints), blame a model, cool it per the
    /// ladder, and move strictly pinned sessions off it. A `rotate_profile` decision is recorded
    /// (and cools its auth profile) but never the model; a failure naming no model and no known
    /// session is recorded as unattributed, never blamed on a guess.
    public static func ingest(state: HealState, event: FailureEvent, context: PolicyContext, now: Date,
                              config: HealConfig) -> (result: PolicyResult, verdict: FailureVerdict) {
        var s = state
        let (decisions, verdict) = ingest(state: &s, failure: ClassifiedFailure(classifying: event), context: context,
                                          now: now, config: config)
        return (PolicyResult(state: s, decisions: decisions), verdict)
    }

    /// `ingest` for a failure its intake already classified: the verdict is taken as it is. The
    /// state is changed in place (the healer's own, with thousands of jobs in it, is not copied
    /// for each event); like every rule, it depends on nothing but its arguments.
    public static func ingest(state s: inout HealState, failure: ClassifiedFailure, context: PolicyContext, now: Date,
                              config: HealConfig) -> (decisions: [Decision], verdict: FailureVerdict) {
        var decisions: [Decision] = []
        let event = failure.event
        let classification = failure.classification
        let failedAt = min(event.at, now)
        let reason = classification.reason
        let retryAfter = event.retryAfterSec
            ?? Classification(reason: reason, resetAt: event.resetAt).waitSeconds(now: failedAt)
            ?? classification.waitSeconds(now: failedAt)
        let pool = ModelPool(state: s, order: config.modelOrder, now: now)
        let (model, attribution) = FailureAttribution.blame(event, knownPins: context.knownPins, pool: pool)
        func verdict(_ effect: FailureEffect) -> FailureVerdict {
            FailureVerdict(model: model, attribution: attribution, reason: reason, retryAfterSec: retryAfter, effect: effect)
        }

        guard let reason, reason.isModelFailure else {
            return ([], verdict(.notAModelFailure))
        }
        guard let model else {
            decisions.append(Decision(
                incident: s.nextIncident(at: now), rule: Rule.failureUnattributed,
                trigger: "a \(reason.rawValue) failure named no model and no known session",
                evidence: ["source: \(event.source.rawValue)", "error: \(Redactor.redact(event.errorText, maxBytes: 500))",
                           "nothing cooled: \(attribution)",
                           Rule.humanAction(Rule.failureUnattributed)]))
            return (decisions, verdict(.unattributed))
        }
        var evidence = [
            "source: \(event.source.rawValue)", "model: \(model) (\(attribution))",
            "class: \(reason.rawValue)" + (retryAfter.map { ", retry after \($0) s" } ?? ""),
            "error: \(event.errorText)",
        ] + (event.sessionKey.map { ["session: \($0)"] } ?? [])
        if let decision = event.decision { evidence.append("OpenClaw's decision: \(decision)") }
        if let profile = event.profileId { evidence.append("auth profile: \(profile)") }

        guard event.showsModelFailing else {
            profileRotated(&s, model: model, profile: event.profileId, reason: reason, retryAfterSec: retryAfter,
                           failedAt: failedAt, evidence: evidence, now: now, config: config, into: &decisions)
            return (decisions, verdict(.profileRotated))
        }
        let effect = recordFailure(&s, model: model, reason: reason, retryAfterSec: retryAfter,
                                   resetAt: event.retryAfterSec == nil ? (event.resetAt ?? classification.resetAt) : nil,
                                   failedAt: failedAt, source: event.source.rawValue,
                                   errorText: event.errorText, evidence: evidence, fromProbe: false,
                                   profile: event.profileId, now: now, config: config, into: &decisions)
        if effect == .cooled || effect == .extended, let incident = decisions.last?.incident {
            // Only sessions seen with a strict pin: a failure event never creates one.
            repinSessions(&s, sessions: context.knownPins, now: now, config: config, context: context,
                          incident: incident, into: &decisions)
        }
        return (decisions, verdict(effect))
    }

    /// Records a failure of `model` and cools it per the ladder.
    ///
    /// While a model is cooling, more failures (a storm of log lines about the same outage) add no
    /// strike; they can only extend the cooldown. A failed probe is deliberate, spaced evidence that
    /// the outage goes on, so it adds a strike and climbs the ladder. The last available model of
    /// `modelOrder` is never cooled: the gateway must have something to use.
    @discardableResult
    static func recordFailure(_ s: inout HealState, model: ModelID, reason: FailureReason, retryAfterSec: Int?,
                              resetAt: Date? = nil, failedAt: Date, source: String, errorText: String, evidence given: [String],
                              fromProbe: Bool, profile: String? = nil, now: Date, config: HealConfig,
                              into decisions: inout [Decision]) -> FailureEffect {
        var evidence = given
        var record = s.models[model] ?? ModelRecord()
        if let last = record.lastHitAt, now.timeIntervalSince(last) >= CooldownLadder.strikeWindowSec {
            record.strikes = 0
        }
        let cooling = record.isCooling(at: now)
        let strike = (cooling && !fromProbe) ? max(1, record.strikes) : record.strikes + 1
        guard let duration = CooldownLadder.seconds(for: reason, strike: strike, retryAfterSec: retryAfterSec,
                                                    cooldownMinutes: config.cooldownMinutes) else {
            return .notAModelFailure
        }
        var until = failedAt.addingTimeInterval(TimeInterval(duration))
        guard until > now else { return .stale }
        if let profile, !fromProbe {
            // The cooldown belongs to this key with this model; the model is down only once every
            // profile known for it is, and then until the first of them is back.
            record.profileUntil[profile] = max(record.profileUntil[profile] ?? .distantPast, until)
            let usable = record.usableProfiles(at: now)
            if !usable.isEmpty {
                record.lastHitAt = now
                record.lastReason = reason
                s.models[model] = record
                decisions.append(Decision(
                    incident: s.nextIncident(at: now), rule: Rule.profileCooldown,
                    trigger: "\(model) failed (\(reason.rawValue)) with auth profile \(profile)",
                    evidence: evidence + ["profile \(profile) cooling until \(iso(until))",
                                          "\(model) stays available: profiles still usable: \(usable.joined(separator: ", "))"]))
                return .profileCooled
            }
            until = record.profileUntil.values.filter { $0 > now }.min() ?? until
        }
        s.probes.goodStreak[model] = 0
        let shortError = Redactor.redact(errorText, maxBytes: 500)
        let metric = MetricEvent(event: "model-cooldown", fields: [
            "model": .string(model.description), "reason": .string(reason.rawValue),
            "cooldownSec": .int(seconds(until.timeIntervalSince(now))),
        ])

        if cooling, let current = record.cooldown {
            record.lastHitAt = now
            record.lastReason = reason
            // The same outage reported again changes nothing; a different class, the provider's
            // own wait, or a failed probe may push the end out, by a minute at least (so a storm
            // of retry-after lines does not make a decision each).
            let news = fromProbe || reason != current.reason || retryAfterSec != nil
            guard news, until.timeIntervalSince(current.until) >= 60 else {
                s.models[model] = record
                return .alreadyCooling
            }
            record.strikes = strike
            record.cooldown = ModelCooldown(since: current.since, until: until, reason: reason, source: source,
                                            evidence: shortError, retryAfterSec: retryAfterSec,
                                            resetAt: resetAt.flatMap { $0 > now ? $0 : nil })
            s.models[model] = record
            decisions.append(Decision(
                incident: s.nextIncident(at: now), rule: Rule.modelCooldownExtended,
                trigger: "\(model) failed again (\(reason.rawValue)) while cooling",
                evidence: evidence + ["strike \(strike)", "cooldown now ends \(iso(until))"], metric: metric))
            return .extended
        }

        let pool = ModelPool(state: s, order: config.modelOrder, now: now)
        let soonerElsewhere = pool.soonestExpiry(excluding: [model]).map { $0.until < until } ?? false
        if config.modelOrder.contains(model) && pool.fallback(excluding: [model]) == nil && !soonerElsewhere {
            // Count the strike at most once a minute, so a storm on the last model does not climb
            // the ladder in seconds.
            let fresh = record.lastHitAt.map { now.timeIntervalSince($0) >= 60 } ?? true
            record.lastHitAt = now
            record.lastReason = reason
            guard fresh else { s.models[model] = record; return .keptLastModel }
            record.strikes = strike
            s.models[model] = record
            var why = ["\(model) is the last available model of modelOrder and no cooled one is back sooner (\(iso(until))); it stays active"]
            if let soonest = pool.soonestExpiry(excluding: [model]) {
                why.append("soonest back: \(soonest.model) at \(iso(soonest.until)) (in \(seconds(soonest.until.timeIntervalSince(now))) s)")
            }
            decisions.append(Decision(
                incident: s.nextIncident(at: now), rule: Rule.lastModelKept,
                trigger: "\(model) failed (\(reason.rawValue)) but is the last available model",
                evidence: evidence + why))
            return .keptLastModel
        }

        record.strikes = strike
        record.lastHitAt = now
        record.lastReason = reason
        record.cooldown = ModelCooldown(since: failedAt, until: until, reason: reason, source: source,
                                        evidence: shortError, retryAfterSec: retryAfterSec,
                                            resetAt: resetAt.flatMap { $0 > now ? $0 : nil })
        s.models[model] = record
        let after = ModelPool(state: s, order: config.modelOrder, now: now)
        if soonerElsewhere && after.available.isEmpty {
            evidence.append("every model of modelOrder is failing: \(after.active?.description ?? "none") is expected back soonest and stays active")
        }
        decisions.append(Decision(
            incident: s.nextIncident(at: now), rule: Rule.modelCooldown,
            trigger: "\(model) failed (\(reason.rawValue))",
            evidence: evidence + [
                "strike \(strike): cooled for \(seconds(until.timeIntervalSince(now))) s, until \(iso(until))"
                    + (retryAfterSec != nil ? " (provider's retry-after)" : ""),
                "active model now: \(after.active?.description ?? "none")",
            ], metric: metric))
        return .cooled
    }

    /// Forgets models with no cooldown, no strike left to remember (a quiet day) and no session
    /// waiting for them, so ids seen once (a typo in a posted event) do not pile up in the state.
    static func forgetQuietModels(_ s: inout HealState, now: Date) {
        let waitedFor = Set(s.pins.values.map(\.original))
        for (model, record) in s.models where record.cooldown == nil && !waitedFor.contains(model)
            && !record.profileUntil.values.contains(where: { $0 > now }) {
            let quiet = record.lastHitAt.map { now.timeIntervalSince($0) >= CooldownLadder.strikeWindowSec } ?? true
            if quiet { s.models[model] = nil }
        }
        let known = Set(s.models.keys).union(waitedFor)
        s.probes.lastProbeAt = s.probes.lastProbeAt.filter { known.contains($0.key) || now.timeIntervalSince($0.value) < 3600 }
        s.probes.goodStreak = s.probes.goodStreak.filter { known.contains($0.key) }
    }

    /// Cooldowns end by time; the model is available again (pins wait for probes, see `restorePins`).
    static func expireCooldowns(_ s: inout HealState, now: Date, config: HealConfig, into decisions: inout [Decision]) {
        for model in s.models.keys.sorted() {
            guard let cooldown = s.models[model]?.cooldown, cooldown.until <= now else { continue }
            decisions.append(recovered(&s, model, trigger: "\(model)'s cooldown ended",
                                       evidence: ["cooled since \(iso(cooldown.since)) for \(cooldown.reason.rawValue)",
                                                  "ended \(iso(cooldown.until))"],
                                       now: now, config: config))
        }
    }

    /// Lifts `model`'s cooldown (it ran out, or a probe passed): the model is available again.
    static func recovered(_ s: inout HealState, _ model: ModelID, trigger: String, evidence: [String], now: Date,
                          config: HealConfig) -> Decision {
        s.models[model]?.cooldown = nil
        return Decision(
            incident: s.nextIncident(at: now), rule: Rule.modelRecovered, trigger: trigger, evidence: evidence,
            metric: MetricEvent(event: "model-recovered", fields: [
                "model": .string(model.description), "isPreferred": .bool(config.modelOrder.first == model),
            ]))
    }
}
