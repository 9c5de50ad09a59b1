import FoundationEssentials

extension Healer {
    /// One monitor tick: note what was seen, ask the policy, carry out its decisions (state saved
    /// before anything disruptive), clean up config backups once the gateway is healthy, save the
    /// state, write the status file.
    public func tick(_ observation: Observation) async -> TickReport {
        let started = ContinuousClock.now
        ensureLoaded()
        let now = policyNow()
        let offset = now.timeIntervalSince(clock.now())
        let observation = abs(offset) >= 1 ? observation.shifted(by: offset) : observation
        noteObservation(observation)
        await endMaintenanceIfDue(now: now)
        let config = self.config
        let carried = await carryOut(now: now, completeTick: true) { current in
            let result = Policy.evaluate(state: current, observation: observation, now: now, config: config)
            current = result.state
            return result.decisions
        }
        trackIncidents(observation, records: carried.records, now: now)
        cleanUpBackups(observation, disrupted: carried.disrupted, now: now)
        counters.ticks += 1
        let elapsed = started.duration(to: .now)
        let processingMs = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        lastTickAt = clock.now()
        lastTickDurationMs = observation.gatherDurationMs + processingMs
        lastTickActed = carried.acted
        let persisted = await persistDurably()
        if persisted { handOverNotices() }
        let snapshot = snapshot()
        writeStatusFile(snapshot)
        // A tick ends with its files written (the status file too): readers of the status file
        // see every tick, and a failed write shows in the next report at the latest.
        _ = await journal.drained()
        return TickReport(at: now, decisions: carried.records, health: snapshot.health, faults: snapshot.faults,
                          durationMs: lastTickDurationMs, persisted: persisted)
    }

    private func noteObservation(_ o: Observation) {
        lastGateway = o.gateway
        if let sessions = o.sessions.value { lastSessions = sessions }
        lastConfigFile = o.openclawConfig
        noteConfigFiles(o)
        var faults: [String: String] = [:]
        if let f = o.whatsapp.fault { faults["whatsapp"] = f }
        if let f = o.cronJobs.fault { faults["cron"] = f }
        if let f = o.plugins.fault { faults["plugins"] = f }
        if let f = o.sessions.fault { faults["sessions"] = f }
        if o.gateway.reachable == nil && o.gateway.live == nil {
            faults["gateway"] = o.gateway.detail.isEmpty ? "gateway state could not be determined" : o.gateway.detail
        }
        switch o.openclawConfig {
        case .valid: break
        case .missing: faults["openclaw-config"] = "missing: \(paths.configFile)"
        case .invalid(let why): faults["openclaw-config"] = "invalid: \(why)"
        }
        observationFaults = faults.mapValues { Redactor.redact($0, maxBytes: 1000) }
    }

    /// Backups taken before earlier actions are removed once a tick sees the gateway live with a
    /// valid config and takes no disruptive action itself.
    private func cleanUpBackups(_ o: Observation, disrupted: Bool, now: Date) {
        guard !state.pendingBackups.isEmpty, o.gateway.live == true, o.openclawConfig == .valid, !disrupted else { return }
        let pending = state.pendingBackups
        let failed = ConfigBackups(configFile: paths.configFile, directory: paths.configBackupsDir).remove(pending)
        state.pendingBackups = failed.map(\.0)
        if let first = failed.first {
            fileFaults["config-backup"] = "could not remove \(first.0.path): \(first.1)"
        }
        let removed = pending.count - failed.count
        if removed > 0 {
            audit(AuditRecord(time: now, incident: "-", rule: "config-backup-cleanup",
                              trigger: "gateway live again with a valid openclaw.json",
                              evidence: pending.filter { p in !failed.contains { $0.0 == p } }.map(\.path),
                              action: nil, dryRun: config.dryRun, outcome: .recorded,
                              detail: "\(removed) config backups removed"))
        }
    }
}
