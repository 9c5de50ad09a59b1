import Foundation
import HealCore
import OpenClawKit

/// Log intake as the daemon does it: `LogFollower.scan` reads the file through the same line
/// assembler, marker search, parser and de-duplication as the live follower, and every failure it
/// hands on is classified as `Policy.ingest` does first (`ErrorClassifier.classify`). The file is
/// read from the page cache (the runner reads it once before).
enum IntakeScan {
    static func run(path: String, runs: Int) {
        for _ in 0..<runs {
            var classified = 0
            var modelFailures = 0
            let (outcome, elapsedMs) = Stopwatch.milliseconds {
                Result { () throws(LogFileError) -> LogFollowerStats in
                    try LogFollower.scan(fileAt: path) { event in
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
                    "ms": elapsedMs, "bytes": stats.bytesRead, "lines": stats.linesRead,
                    "events": stats.eventsEmitted, "duplicates": stats.duplicatesSuppressed,
                    "parseErrors": stats.parseErrors, "skipped": stats.linesSkipped,
                    "classified": classified, "modelFailures": modelFailures,
                ])
            }
        }
    }
}
