import Foundation
import HealCore
import Testing
@testable import OpenClawKit

@Suite struct LogFollowerScanTests {
    @Test func scanReadsEveryLineAndCountsWhatItSaw() throws {
        let fixture = LogDirectoryFixture()
        var text = ""
        for index in 0..<5_000 {
            text += index % 500 == 0 ? LogDirectoryFixture.failureLine("p/m\(index)", runId: "run\(index)") : LogDirectoryFixture.infoLine()
        }
        // A repeat of one run's failure, a damaged failure line, an overlong line, and a last line
        // without its newline.
        text += LogDirectoryFixture.failureLine("p/m0", runId: "run0")
        text += #"{"0":"x","1":{"decision":"candidate_failed""# + "\n"
        text += "candidate_failed " + String(repeating: "z", count: 5_000) + "\n"
        text += String(LogDirectoryFixture.failureLine("p/last").dropLast())
        fixture.append(text, to: "big.log")

        var models: [String?] = []
        let stats = try LogFollower.scan(fileAt: fixture.path("big.log"), maxLineBytes: 4_096) { models.append($0.model?.description) }
        #expect(models == (0..<10).map { "p/m\($0 * 500)" } + ["p/last"])
        #expect(stats.linesRead == 5_003)
        #expect(stats.bytesRead == text.utf8.count)
        #expect(stats.eventsEmitted == 11)
        #expect(stats.duplicatesSuppressed == 1)
        #expect(stats.parseErrors == 1)
        #expect(stats.linesSkipped == 1)
        #expect(stats.lastError?.contains("malformed JSON") == true)
    }

    @Test func scanOfAMissingFileIsATypedError() {
        #expect(throws: LogFileError.openFailed(path: "/nonexistent/openclaw.log", errno: ENOENT)) {
            try LogFollower.scan(fileAt: "/nonexistent/openclaw.log") { _ in }
        }
    }
}
