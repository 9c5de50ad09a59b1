import Foundation

extension Healer {
    /// The status snapshot as of now.
    public func snapshot() -> StatusSnapshot {
        let inputs = StatusInputs(
            now: clock.now(), version: version, pid: pid, startedAt: startedAt, lastTickAt: lastTickAt,
            lastTickDurationMs: lastTickDurationMs, gateway: lastGateway,
            faults: observationFaults.merging(fileFaults.mapValues { Redactor.redact($0, maxBytes: 1000) }) { a, _ in a },
            counters: counters.snapshot, lastTickActed: lastTickActed)
        return StatusBuilder.build(state: state, config: config, inputs: inputs)
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
