import FoundationEssentials

extension Healer {
    /// The status snapshot as of now.
    public func snapshot() -> StatusSnapshot {
        let inputs = StatusInputs(
            now: policyNow(), version: version, pid: pid, startedAt: startedAt, lastTickAt: lastTickAt,
            lastTickDurationMs: lastTickDurationMs, gateway: lastGateway,
            faults: observationFaults.merging(fileFaults.mapValues { Redactor.redact($0, maxBytes: 1000) }) { a, _ in a },
            counters: counters.snapshot, lastTickActed: lastTickActed)
        var snap = StatusBuilder.build(state: state, config: config, inputs: inputs)
        snap.addIncidents(state: state, now: inputs.now, targets: notifyTargets, heartbeat: heartbeat)
        return snap
    }

    /// The snapshot rendered for `/status` (JSON) or `/metrics` (Prometheus text), cached until the
    /// state changes or the clock enters the next second (every time field has one-second
    /// resolution). A scraper or a dashboard polling a healer that tracks thousands of jobs then
    /// costs one build and encode per second, not one per request.
    public func renderedStatus(_ format: RenderedStatusCache.Format) -> [UInt8] {
        let second = Int(clock.now().timeIntervalSince1970.rounded(.down))
        if let cache = renderedStatus, cache.revision == revision, cache.second == second,
           let bytes = cache.bodies[format] {
            return bytes
        }
        let snap = snapshot()
        let bytes: [UInt8]
        switch format {
        case .json: bytes = (try? snap.jsonData(pretty: false)).map(Array.init) ?? []
        case .prettyJSON: bytes = (try? snap.jsonData(pretty: true)).map { Array($0) + [0x0A] } ?? []
        case .prometheus: bytes = Array(PrometheusRenderer.render(snap).utf8)
        }
        var cache = renderedStatus.flatMap { $0.revision == revision && $0.second == second ? $0 : nil }
            ?? RenderedStatusCache(revision: revision, second: second, bodies: [:])
        cache.bodies[format] = bytes
        renderedStatus = cache
        return bytes
    }

    /// Writes the snapshot to `statusFile` atomically; a failure becomes a fault.
    @discardableResult
    func writeStatusFile() -> StatusSnapshot {
        let snap = snapshot()
        do {
            let data = try snap.jsonData()
            try AtomicFile.write(data, to: paths.statusFile, mode: 0o600)
            fileFaults["status-file"] = nil
        } catch let error as FileSystemError {
            fileFaults["status-file"] = error.description
        } catch {
            fileFaults["status-file"] = "encode: \(error)"
        }
        return snap
    }
}
