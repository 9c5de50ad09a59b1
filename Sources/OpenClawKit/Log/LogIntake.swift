import FoundationEssentials
import HealCore

/// The per-line work shared by the live follower and the whole-file scan: the marker test, the
/// parse of lines that pass it, de-duplication, and the counters behind `LogFollowerStats`.
struct LogIntake {
    private(set) var linesRead = 0
    private(set) var parseErrors = 0
    private(set) var eventsEmitted = 0
    private(set) var duplicatesSuppressed = 0
    private(set) var lastEventAt: Date?
    private(set) var lastParseError: String?
    private var deduplicator: LogFailureDeduplicator?

    init(deduplicateRuns: Bool) {
        deduplicator = deduplicateRuns ? LogFailureDeduplicator() : nil
    }

    /// Reads one line (without its newline). `now` is asked only for lines that pass the marker test.
    @inline(__always)
    mutating func ingest(_ line: UnsafeRawBufferPointer, now: () -> Date, emit: (FailureEvent) -> Void) {
        linesRead += 1
        guard GatewayLogLineParser.mightReportFailure(line) else { return }
        let failures: [GatewayLogLineFailure]
        do {
            failures = try GatewayLogLineParser.parseMatched(line, receivedAt: now())
        } catch {
            parseErrors += 1
            lastParseError = error.description
            return
        }
        for failure in failures {
            if deduplicator?.isNew(failure) == false {
                duplicatesSuppressed += 1
                continue
            }
            eventsEmitted += 1
            lastEventAt = failure.event.at
            emit(failure.event)
        }
    }
}
