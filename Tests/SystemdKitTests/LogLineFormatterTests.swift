import Glibc
import Logging
import Testing
@testable import SystemdKit

@Suite struct LogLineFormatterTests {
    /// 2026-11-24T20:00:00.123Z
    let time = timespec(tv_sec: 1_795_550_400, tv_nsec: 123_456_789)

    @Test(arguments: [
        (Logger.Level.trace, "<7>"), (.debug, "<7>"), (.info, "<6>"), (.notice, "<5>"),
        (.warning, "<4>"), (.error, "<3>"), (.critical, "<2>"),
    ])
    func priorityPrefixPerLevel(level: Logger.Level, prefix: String) {
        #expect(LogLineFormatter.priorityPrefix(level) == prefix)
        #expect(LogLineFormatter.journalLine(level: level, label: "x", message: "m", metadata: [:]) == "\(prefix)[x] m\n")
    }

    @Test func journalLineCarriesMetadataSortedByKey() {
        let line = LogLineFormatter.journalLine(
            level: .warning, label: "monitor", message: "gateway unreachable",
            metadata: ["url": "http://127.0.0.1:18789", "attempt": "3"]
        )
        #expect(line == "<4>[monitor] gateway unreachable attempt=3 url=http://127.0.0.1:18789\n")
    }

    @Test func plainLineIsTimestampedInUTC() {
        let line = LogLineFormatter.plainLine(
            time: time, level: .info, label: "http", message: "listening", metadata: ["address": "127.0.0.1:9477"]
        )
        #expect(line == "2026-11-24T20:00:00.123Z info [http] listening address=127.0.0.1:9477\n")
    }

    @Test func timestampPadsEveryField() {
        // 2001-02-03T04:05:06.007Z
        let early = timespec(tv_sec: 981_173_106, tv_nsec: 7_000_000)
        #expect(LogLineFormatter.iso8601(early) == "2001-02-03T04:05:06.007Z")
    }

    @Test func valuesThatWouldSplitArePlacedInQuotes() {
        let rendered = LogLineFormatter.renderMetadata([
            "empty": "",
            "spaced": "two words",
            "quote": "say \"hi\"",
            "equals": "a=b",
            "path": "C:\\tmp",
            "plain": "ok",
        ])
        #expect(rendered == #"empty="" equals="a=b" path="C:\\tmp" plain=ok quote="say \"hi\"" spaced="two words""#)
    }

    @Test func nestedMetadataUsesItsDescription() {
        let rendered = LogLineFormatter.renderMetadata(["models": ["a", "b"]])
        #expect(rendered == #"models="[\"a\", \"b\"]""#)
    }

    @Test func newlinesAndControlCharactersStayOnOneLine() {
        let line = LogLineFormatter.journalLine(
            level: .error, label: "cli", message: "openclaw failed:\nError: boom\r\n\u{1B}[31mred\u{1B}[0m",
            metadata: ["stderr": "line1\nline2"]
        )
        #expect(line == #"<3>[cli] openclaw failed:\nError: boom\r\n\x1B[31mred\x1B[0m stderr="line1\nline2""# + "\n")
        #expect(line.filter { $0 == "\n" }.count == 1)
    }

    @Test func tabsAreKeptInMessages() {
        #expect(LogLineFormatter.journalLine(level: .info, label: "x", message: "a\tb", metadata: [:]) == "<6>[x] a\tb\n")
    }

    @Test func deleteIsEscapedAndTabsInValuesAreQuoted() {
        #expect(LogLineFormatter.escaped("a\u{7F}b\u{01}") == #"a\x7Fb\x01"#)
        #expect(LogLineFormatter.renderMetadata(["k": "a\tb"]) == #"k="a\tb""#)
        #expect(LogLineFormatter.renderMetadata(["k": "x\u{1B}\u{7F}"]) == #"k="x\x1B\x7F""#)
        #expect(LogLineFormatter.renderMetadata(["k\nx": "v"]) == #"k\nx=v"#)
    }

    @Test func overlongLinesAreCutWithAMarker() {
        let message = String(repeating: "ü", count: 20_000)  // 40,000 bytes
        let line = LogLineFormatter.journalLine(level: .info, label: "x", message: message, metadata: [:])
        #expect(line.utf8.count <= LogLineFormatter.maximumLineBytes)
        #expect(line.hasPrefix("<6>[x] üü"))
        #expect(line.hasSuffix(" …[truncated]\n"))
        #expect(line.filter { $0 == "\n" }.count == 1)
    }
}
