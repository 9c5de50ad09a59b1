import FoundationEssentials

extension Policy {
    /// Moves sessions whose strict pin (`providerOverride`/`modelOverride` with
    /// `modelOverrideSource: "user"`, or a legacy entry without a source) points at a cooled model
    /// to the first available model, remembering the original pin exactly. Every other pin (`auto`:
    /// OpenClaw's own fallback, which it clears itself; any source the healer does not know) is
    /// left alone: a pin written through `sessions.patch` is strict and would turn off OpenClaw's
    /// failover for that session.
    static func repinSessions(_ s: inout HealState, sessions: [SessionPin], now: Date, config: HealConfig,
                              context: PolicyContext, incident: String?, into decisions: inout [Decision]) {
        guard config.autoFix.patchSessionPins else { return }
        let pool = ModelPool(state: s, order: config.modelOrder, now: now)
        for pin in sessions.sorted(by: { $0.key < $1.key }) {
            guard pin.isStrict else { continue }
            let current = pin.model
            guard pool.isCooling(current), let target = pool.fallback(excluding: [current]) else { continue }
            let memory = s.pins[pin.key]
            if let memory, memory.repinnedTo == target,
               now.timeIntervalSince(memory.lastAttemptAt) < actionRetrySec {
                continue // already asked for this very repin recently
            }
            let action = HealAction.repinSession(key: pin.key, from: current, to: target)
            let id = incident ?? s.nextIncident(at: now)
            let cooldown = s.models[current]?.cooldown
            var evidence = ["session \(pin.key) pinned to \(current) (source: \(pin.modelOverrideSource ?? "user"))",
                            "\(current) cooling until \(cooldown.map { iso($0.until) } ?? "?") (\(cooldown?.reason.rawValue ?? "?"))",
                            "fallback: \(target)"]
            if let memory { evidence.append("original pin \(memory.original) is remembered for restore") }
            if let refusal = ActionGuard.refusal(for: action, context: context) {
                decisions.append(Decision(incident: id, rule: Rule.sessionRepin,
                                          trigger: "session \(pin.key) pinned to cooled \(current)",
                                          evidence: evidence, action: action, refusal: refusal))
                continue
            }
            s.pins[pin.key] = RememberedPin(original: memory?.original ?? current, repinnedTo: target,
                                            at: memory?.at ?? now, lastAttemptAt: now,
                                            originalSource: memory == nil ? pin.modelOverrideSource : memory?.originalSource,
                                            originalHadOverride: memory?.originalHadOverride ?? true)
            decisions.append(Decision(
                incident: id, rule: Rule.sessionRepin, trigger: "session \(pin.key) pinned to cooled \(current)",
                evidence: evidence, action: action,
                metric: MetricEvent(event: "session-patched", fields: [
                    "sessionKey": .string(pin.key), "oldModel": .string(current.description),
                    "newModel": .string(target.description),
                ])))
        }
    }

    /// Puts remembered pins back once their original model has recovered: not cooling and two
    /// consecutive passing probes (a cooldown that merely ran out proves nothing). With probing
    /// disabled there are no probes to wait for, so the end of the cooldown is enough.
    /// A session whose pin someone else changed meanwhile is forgotten: their choice wins.
    /// Returns the keys of the sessions it decided to restore.
    @discardableResult
    static func restorePins(_ s: inout HealState, sessions: [SessionPin], now: Date, config: HealConfig,
                            context: PolicyContext, into decisions: inout [Decision]) -> Set<String> {
        var restoring = Set<String>()
        let byKey = Dictionary(sessions.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let pool = ModelPool(state: s, order: config.modelOrder, now: now)
        /// The healer's memory of a pin is dropped, and the audit says why.
        func forget(_ key: String, _ trigger: String, _ evidence: String) {
            s.pins[key] = nil
            decisions.append(Decision(incident: s.nextIncident(at: now), rule: Rule.sessionPinForgotten,
                                      trigger: trigger, evidence: [evidence]))
        }
        for key in s.pins.keys.sorted() {
            guard let memory = s.pins[key] else { continue }
            guard let observed = byKey[key] else {
                forget(key, "session \(key) no longer carries a model pin",
                       "was repinned from \(memory.original) to \(memory.repinnedTo) at \(iso(memory.at))")
                continue
            }
            let current = observed.model
            if current == memory.original {
                // Either the repin has not taken yet (the original is still cooling: the repin rule
                // retries) or someone already put it back.
                if !pool.isCooling(memory.original) {
                    forget(key, "session \(key) is back on \(memory.original) without the healer",
                           "healer had repinned it to \(memory.repinnedTo) at \(iso(memory.at))")
                }
                continue
            }
            guard current == memory.repinnedTo else {
                forget(key, "session \(key) was repinned by someone else to \(current)",
                       "healer had moved it from \(memory.original) to \(memory.repinnedTo); that choice wins")
                continue
            }
            if observed.modelOverrideSource == "auto" {
                // OpenClaw's own fallback took the session over; a restore through sessions.patch
                // would turn its auto pin into a strict one.
                forget(key, "session \(key) now carries OpenClaw's own auto pin",
                       "healer had moved it from \(memory.original) to \(memory.repinnedTo); an auto pin is never made a user pin")
                continue
            }
            guard config.autoFix.patchSessionPins, !pool.isCooling(memory.original) else { continue }
            let good = s.probes.goodStreak[memory.original] ?? 0
            guard !config.probeEnabled || good >= 2 else { continue }
            if let tried = memory.lastRestoreAttemptAt, now.timeIntervalSince(tried) < actionRetrySec { continue }
            let clear = memory.originalHadOverride == false
            let action = clear ? HealAction.clearSessionPin(key: key, from: current)
                               : HealAction.restoreSessionPin(key: key, from: current, to: memory.original)
            var evidence = [
                "session \(key) was moved from \(memory.original) to \(memory.repinnedTo) at \(iso(memory.at))",
                config.probeEnabled ? "\(memory.original) passed \(good) consecutive probes"
                                    : "\(memory.original)'s cooldown is over (probing disabled)",
            ]
            evidence.append(clear ? "the session had no override before: restored with model null (the agent's default)"
                                  : "restored exactly: \(memory.original)" + (memory.originalSource.map { " (source \($0))" } ?? ""))
            let id = s.nextIncident(at: now)
            if let refusal = ActionGuard.refusal(for: action, context: context) {
                decisions.append(Decision(incident: id, rule: Rule.sessionRestore,
                                          trigger: "\(memory.original) recovered", evidence: evidence,
                                          action: action, refusal: refusal))
                continue
            }
            // The memory goes once the restore has succeeded (`applyOutcome`): a restore that fails,
            // or that a crash interrupts, is retried after `actionRetrySec`.
            s.pins[key]?.lastRestoreAttemptAt = now
            restoring.insert(key)
            decisions.append(Decision(
                incident: id, rule: Rule.sessionRestore, trigger: "\(memory.original) recovered",
                evidence: evidence, action: action,
                metric: MetricEvent(event: "session-patched", fields: [
                    "sessionKey": .string(key), "oldModel": .string(current.description),
                    "newModel": .string(clear ? "none" : memory.original.description),
                ])))
        }
        return restoring
    }
}