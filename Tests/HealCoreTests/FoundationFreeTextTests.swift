import Foundation
import Testing
@testable import HealCore

/// The house replacements for what only full Foundation has, checked against full Foundation
/// itself (tests may link it; the daemon does not).
@Suite struct FoundationFreeTextTests {
    static let samples = ["", " ", "\t a b \n", "\u{00A0}x\u{2003}", "x\u{2028}", "\r\nline\r\n", "ünï\u{0301} ", "\u{85}y\u{85}", "plain"]

    @Test func trimmingMatchesFoundationsSets() {
        for sample in Self.samples {
            #expect(sample.trimming(.whitespaces) == sample.trimmingCharacters(in: .whitespaces), "\(sample.debugDescription)")
            #expect(sample.trimming(.whitespacesAndNewlines) == sample.trimmingCharacters(in: .whitespacesAndNewlines),
                    "\(sample.debugDescription)")
        }
        #expect("x=1,;".trimming(ScalarSet(charactersIn: ",;:")) == "x=1")
        #expect(Substring(" a ").trimming(.whitespaces) == "a")
    }

    @Test func textRangeFindsFirstLastAndCaseless() throws {
        let text = "Error: All Models Failed (2): a: x | b: y"
        let caseless = try #require(text.textRange(of: "all models failed", options: .caseInsensitive))
        #expect(text[caseless] == "All Models Failed")
        #expect(text.textRange(of: "all models failed") == nil)
        let last = try #require(text.textRange(of: ":", options: .backwards))
        #expect(text[last.upperBound...] == " y")
        #expect(text.textRange(of: "") == nil)
        #expect("é: z".textRange(of: ": ").map { "é: z"[$0.upperBound...] } == "z")
    }

    /// NSString's results for the same paths (its own code traps on some, so they are written out).
    @Test func pathComponentsGiveNSStringsResults() {
        let cases: [(path: String, last: String, parent: String, plusF: String)] = [
            ("/a/b", "b", "/a", "/a/b/f"), ("/a/b/", "b", "/a", "/a/b/f"), ("/a", "a", "/", "/a/f"), ("/", "/", "/", "/f"),
            ("a", "a", "", "a/f"), ("a/b", "b", "a", "a/b/f"), ("", "", "", "f"), ("/tmp/state.json", "state.json", "/tmp", "/tmp/state.json/f"),
        ]
        for c in cases {
            #expect(c.path.lastPathComponent == c.last, "last of \(c.path)")
            #expect(c.path.deletingLastPathComponent == c.parent, "parent of \(c.path)")
            #expect(c.path.appendingPathComponent("f") == c.plusF, "\(c.path) + f")
        }
        for (path, standard) in [("/a/./b/../c", "/a/c"), ("/a//b/", "/a/b"), ("/../x", "/x"), ("/a/b/..", "/a"), ("a/../../b", "../b")] {
            #expect(path.standardizingPath == standard, "standardizing \(path)")
        }
        #expect("~/x".expandingTildeInPath == ("~/x" as NSString).expandingTildeInPath)
        #expect("/a/~".expandingTildeInPath == "/a/~")
    }

    @Test func httpDatesParseInAnyCaseAndRejectTheMalformed() throws {
        let expected = Date(timeIntervalSince1970: 1_787_410_800)  // 2026-08-22T15:00:00Z
        #expect(Timestamps.parseHTTPDate("Sat, 22 Aug 2026 15:00:00 GMT") == expected)
        #expect(Timestamps.parseHTTPDate("sat, 22 aug 2026 15:00:00 gmt") == expected)
        #expect(Timestamps.parseHTTPDate("Sat, 02 Jan 2027 01:02:03 GMT") == Timestamps.parse("2027-01-02T01:02:03Z"))
        for bad in ["Sat, 22 Aug 2026 15:00:00 PST", "Sat 22 Aug 2026 15:00:00 GMT", "Xyz, 22 Aug 2026 15:00:00 GMT",
                    "Sat, 22 Foo 2026 15:00:00 GMT", "Sat, 22 Aug 2026 25:00:00 GMT", "Sat, 2 Aug 2026 15:00:00 GMT", ""] {
            #expect(Timestamps.parseHTTPDate(bad) == nil, "\(bad)")
        }
    }

    @Test func percentEncodingKeepsOnlyWhatItIsTold() {
        #expect(PercentEncoding.encode("a b/c~", keeping: "-._~") == "a%20b%2Fc~")
        #expect(PercentEncoding.encode("anthropic/claude-3.5&x=1+2", keeping: "-._~!$'()*,;:@/?") == "anthropic/claude-3.5%26x%3D1%2B2")
        #expect(PercentEncoding.encode("é", keeping: "") == "%C3%A9")
    }

    @Test func fileErrorsAreDescribedInTheSystemsWords() throws {
        do {
            _ = try Data(contentsOf: URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/x"))
            Issue.record("read a file that does not exist")
        } catch {
            #expect(error.plainDescription.hasPrefix("No such file or directory (/nonexistent-"), "\(error.plainDescription)")
        }
        #expect(POSIXError(.EACCES).plainDescription == "Permission denied")
    }

    @Test func fileBytesReadsTheTailAndCapsTheWhole() throws {
        let path = NSTemporaryDirectory() + "filebytes-\(UUID().uuidString)"
        try Data("0123456789".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileBytes.tail(path, limit: 4) == .success(Array("6789".utf8)))
        #expect(FileBytes.tail(path, limit: 40) == .success(Array("0123456789".utf8)))
        #expect(FileBytes.read(path, cap: 9) == .failure(.tooLarge(9)))
        #expect(FileBytes.read(path + ".missing") == .failure(.missing))
    }
}
