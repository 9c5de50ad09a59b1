import Foundation
import HealCore
import OpenClawKit

/// Log intake as the daemon does it: `LogFollower.scan` reads the file through the same line
/// assembler, marker search, parser (which classifies each failure's error text) and
/// de-duplication as the live follower. With `classify`, every failure it hands on is classified
/// again as `Policy.ingest` does first (`ErrorClassifier.classify`), which is the daemon's whole
/// path from a log line to a verdict. The file is read from the page cache (the runner reads it
/// once before).
enum IntakeScan {
    static func run(path: String, runs: Int, classify: Bool) {
        for _ in 0..<runs {
            var classified = 0
            var modelFailures = 0
            let (outcome, elapsedMs) = Stopwatch.milliseconds {
                Result { () throws(LogFileError) -> LogFollowerStats in
                    try LogFollower.scan(fileAt: path) { event in
                        guard classify else { return }
                        classified += 1
                        let verdict = ErrorClassifier.classify(event.errorText, httpStatus: event.httpStatus)
                        if (event.reason ?? verdict.reason)?.isModelFailure == true { modelFailures += 1 }
                    }
                }
            }
            switch outcome {
            case .failure(let error):
                FileHandle.standardError.write(Data("scan \(path): \(error)\n".utf8))
                exit(1)
            case .success(let stats):
                JSONLine.print([
                    "classify": classify, "ms": elapsedMs, "bytes": stats.bytesRead, "lines": stats.linesRead,
                    "events": stats.eventsEmitted, "duplicates": stats.duplicatesSuppressed,
                    "parseErrors": stats.parseErrors, "skipped": stats.linesSkipped,
                    "classified": classified, "modelFailures": modelFailures,
                ])
            }
        }
    }
}
