import FoundationEssentials

/// Heal events appended to `metricsFile` as JSONL (the seed's task T-014):
/// `{"ts": ISO-8601, "plugin": "self-heal", "event": …, <fields>}`, plus `"dryRun": true` for
/// events only planned in dry run. The parent directory is created when missing.
public struct MetricsLog: Sendable {
    public let path: String
    /// Size-based rotation into `<path>.1` ... `<path>.N` (see `LogRotation`).
    public let rotation: LogRotation?
    public init(path: String, rotation: LogRotation? = nil) { self.path = path; self.rotation = rotation }

    public func append(_ event: MetricEvent, at time: Date, dryRun: Bool) throws(FileSystemError) {
        try AppendOnlyFile.append(line: try line(for: event, at: time, dryRun: dryRun), to: path, sync: false, rotation: rotation)
    }

    /// Appends many events with one open (the journal's batches); not fsync'd, as single appends.
    public func append(_ events: [(event: MetricEvent, time: Date, dryRun: Bool)]) throws(FileSystemError) {
        var lines: [String] = []
        var failure: FileSystemError?
        for e in events {
            do { lines.append(try line(for: e.event, at: e.time, dryRun: e.dryRun)) } catch { failure = failure ?? error }
        }
        try AppendOnlyFile.append(lines: lines, to: path, sync: false, rotation: rotation)
        if let failure { throw failure }
    }

    func line(for event: MetricEvent, at time: Date, dryRun: Bool) throws(FileSystemError) -> String {
        var fields = event.fields.mapValues { value -> MetricValue in
            if case .string(let s) = value { return .string(Redactor.redact(s, maxBytes: 2000)) }
            return value
        }
        fields["ts"] = .string(Timestamps.iso(time))
        fields["plugin"] = .string("self-heal")
        fields["event"] = .string(event.event)
        if dryRun { fields["dryRun"] = .bool(true) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do { return String(decoding: try encoder.encode(fields), as: UTF8.self) } catch {
            throw FileSystemError(operation: "encode metrics line for", path: path, message: "\(error)")
        }
    }
}
