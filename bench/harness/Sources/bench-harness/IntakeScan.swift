import Foundation
import HealCore
import OpenClawKit

/// Log intake as the daemon does it: `LogFollower.scan` reads the file through the same line
/// assembler, marker search, parser (which classifies each failure once) and de-duplication as the
/// live follower. With `decide`, every failure it hands on then goes through `Policy.ingest` with
/// the parser's verdict, as the healer takes it from the follower's feed (no second classification),
/// on a state carried from one event to the next: the daemon's whole path from a log line to a
/// verdict. The file is read from the page cache (the runner reads it once before).
enum IntakeScan {
    static func run(path: String, runs: Int, decide: Bool) {
        let config = HealConfig()
        let context = PolicyContext()
        for _ in 0..<runs {
            var decided = 0
            var modelFailures = 0
            var cooled = 0
            var state = HealState()
            let (outcome, elapsedMs) = Stopwatch.milliseconds {
                Result { () throws(LogFileError) -> LogFollowerStats in
                    try LogFollower.scan(fileAt: path) { event in
                        guard decide else { return }
                        decided += 1
                        let (result, verdict) = Policy.ingest(state: state, failure: ClassifiedFailure(classified: event),
                                                              context: context, now: event.at, config: config)
                        state = result.state
                        if verdict.reason?.isModelFailure == true { modelFailures += 1 }
                        if verdict.effect == "cooled" || verdict.effect == "extended" { cooled += 1 }
                    }
                }
            }
            switch outcome {
            case .failure(let error):
                FileHandle.standardError.write(Data("scan \(path): \(error)\n".utf8))
                exit(1)
            case .success(let stats):
                JSONLine.print([
                    "decide": decide, "ms": elapsedMs, "bytes": stats.bytesRead, "lines": stats.linesRead,
                    "events": stats.eventsEmitted, "duplicates": stats.duplicatesSuppressed,
                    "parseErrors": stats.parseErrors, "skipped": stats.linesSkipped,
                    "decided": decided, "modelFailures": modelFailures, "cooledOrExtended": cooled,
                ])
            }
        }
    }
}
