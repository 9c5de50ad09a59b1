import Foundation

extension Policy {
    /// A model failure from the log follower or `POST /events`: classify it, blame a model, cool it
    /// per the ladder, and move sessions off it.
    public static func ingest(state: HealState, event: FailureEvent, context: PolicyContext, now: Date,
                              config: HealConfig) -> (result: PolicyResult, verdict: FailureVerdict) {
        var s = state
        var decisions: [Decision] = []
        let classification = ErrorClassifier.classify(event.errorText, httpStatus: event.httpStatus)
        let reason = event.reason ?? classification.reason
        let retryAfter = event.retryAfterSec ?? classification.retryAfterSec
        let pool = ModelPool(state: s, order: config.modelOrder, now: now)
        let (model, attribution) = FailureAttribution.blame(event, knownPins: context.knownPins, pool: pool)

        guard let reason, reason.isModelFailure else {
            let verdict = FailureVerdict(model: model, attribution: attribution, reason: reason,
                                         retryAfterSec: retryAfter, effect: "not-a-model-failure")
            return (PolicyResult(state: s, decisions: []), verdict)
        }
        guard let model else {
            let verdict = FailureVerdict(model: nil, attribution: attribution, reason: reason,
                                         retryAfterSec: retryAfter, effect: "no-model")
            return (PolicyResult(state: s, decisions: []), verdict)
        }
        let evidence = [
            "source: \(event.source.rawValue)", "model: \(model) (\(attribution))",
            "class: \(reason.rawValue)" + (retryAfter.map { ", retry after \($0) s" } ?? ""),
            "error: \(event.errorText)",
        ] + (event.sessionKey.map { ["session: \($0)"] } ?? [])
        let effect = recordFailure(&s, model: model, reason: reason, retryAfterSec: retryAfter,
                                   failedAt: min(event.at, now), source: event.source.rawValue,
                                   errorText: event.errorText, evidence: evidence, fromProbe: false,
                                   now: now, config: config, into: &decisions)
        if effect == .cooled || effect == .extended, let incident = decisions.last?.incident {
            // Sessions known to be pinned to the model, plus the one the event came from.
            var sessions = context.knownPins
            if let key = event.sessionKey, !sessions.contains(where: { $0.key == key }) {
                sessions.append(SessionPin.from(key: key, model: model))
            }
            repinSessions(&s, sessions: sessions, now: now, config: config, context: context,
                          incident: incident, into: &decisions)
        }
        let verdict = FailureVerdict(model: model, attribution: attribution, reason: reason,
                                     retryAfterSec: retryAfter, effect: effect.rawValue)
        return (PolicyResult(state: s, decisions: decisions), verdict)
    }

    enum FailureEffect: String {
        case cooled, extended, alreadyCooling = "already-cooling", keptLastModel = "kept-last-model"
        case stale, notCooled = "not-a-model-failure"
    }

    /// Records a failure of `model` and cools it per the ladder.
    ///
    /// While a model is cooling, more failures (a storm of log lines about the same outage) add no
    /// strike; they can only extend the cooldown. A failed probe is deliberate, spaced evidence that
    /// the outage goes on, so it adds a strike and climbs the ladder. The last available model of
    /// `modelOrder` is never cooled: the gateway must have something to use.
    @discardableResult
    static func recordFailure(_ s: inout HealState, model: String, reason: FailureReason, retryAfterSec: Int?,
                              failedAt: Date, source: String, errorText: String, evidence: [String],
                              fromProbe: Bool, now: Date, config: HealConfig,
                              into decisions: inout [Decision]) -> FailureEffect {
        var record = s.models[model] ?? ModelRecord()
        if let last = record.lastHitAt, now.timeIntervalSince(last) >= CooldownLadder.strikeWindowSec {
            record.strikes = 0
        }
        let cooling = record.isCooling(at: now)
        let strike = (cooling && !fromProbe) ? max(1, record.strikes) : record.strikes + 1
        guard let duration = CooldownLadder.seconds(for: reason, strike: strike, retryAfterSec: retryAfterSec,
                                                    cooldownMinutes: config.cooldownMinutes) else {
            return .notCooled
        }
        let until = failedAt.addingTimeInterval(TimeInterval(duration))
        guard until > now else { return .stale }
        s.probes.goodStreak[model] = 0
        let shortError = Redactor.redact(errorText, maxBytes: 500)
        let metric = MetricEvent(event: "model-cooldown", fields: [
            "model": .string(model), "reason": .string(reason.rawValue),
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
                                            evidence: shortError, retryAfterSec: retryAfterSec)
            s.models[model] = record
            decisions.append(Decision(
                incident: s.nextIncident(at: now), rule: Rule.modelCooldownExtended,
                trigger: "\(model) failed again (\(reason.rawValue)) while cooling",
                evidence: evidence + ["strike \(strike)", "cooldown now ends \(iso(until))"], metric: metric))
            return .extended
        }

        let pool = ModelPool(state: s, order: config.modelOrder, now: now)
        if config.modelOrder.contains(model) && pool.fallback(excluding: [model]) == nil {
            // Count the strike at most once a minute, so a storm on the last model does not climb
            // the ladder in seconds.
            let fresh = record.lastHitAt.map { now.timeIntervalSince($0) >= 60 } ?? true
            record.lastHitAt = now
            record.lastReason = reason
            guard fresh else { s.models[model] = record; return .keptLastModel }
            record.strikes = strike
            s.models[model] = record
            var why = ["\(model) is the last available model of modelOrder; it stays active"]
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
                                        evidence: shortError, retryAfterSec: retryAfterSec)
        s.models[model] = record
        let after = ModelPool(state: s, order: config.modelOrder, now: now)
        decisions.append(Decision(
            incident: s.nextIncident(at: now), rule: Rule.modelCooldown,
            trigger: "\(model) failed (\(reason.rawValue))",
            evidence: evidence + [
                "strike \(strike): cooled for \(seconds(until.timeIntervalSince(now))) s, until \(iso(until))"
                    + (retryAfterSec != nil ? " (provider's retry-after)" : ""),
                "active model now: \(after.active)",
            ], metric: metric))
        return .cooled
    }

    /// Forgets models with no cooldown, no strike left to remember (a quiet day) and no session
    /// waiting for them, so ids seen once (a typo in a posted event) do not pile up in the state.
    static func forgetQuietModels(_ s: inout HealState, now: Date) {
        let waitedFor = Set(s.pins.values.map(\.original))
        for (model, record) in s.models where record.cooldown == nil && !waitedFor.contains(model) {
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
            guard var record = s.models[model], let cooldown = record.cooldown, cooldown.until <= now else { continue }
            record.cooldown = nil
            s.models[model] = record
            decisions.append(Decision(
                incident: s.nextIncident(at: now), rule: Rule.modelRecovered,
                trigger: "\(model)'s cooldown ended",
                evidence: ["cooled since \(iso(cooldown.since)) for \(cooldown.reason.rawValue)",
                           "ended \(iso(cooldown.until))"],
                metric: MetricEvent(event: "model-recovered", fields: [
                    "model": .string(model), "isPreferred": .bool(config.modelOrder.first == model),
                ])))
        }
    }
}

extension SessionPin {
    /// A pin for `key` pointing at `model` (`provider/model`; a bare id gets an empty provider).
    static func from(key: String, model: String) -> SessionPin {
        if let slash = model.firstIndex(of: "/") {
            return SessionPin(key: key, providerOverride: String(model[..<slash]),
                              modelOverride: String(model[model.index(after: slash)...]))
        }
        return SessionPin(key: key, providerOverride: "", modelOverride: model)
    }
}
