import Foundation
import Testing
@testable import HealCore

/// Size rotation of the audit log and the metrics file: bounded on disk, no record lost or torn
/// across a rotation, and `read` (what `GET /events` serves) continues into the rotated files.
@Suite struct LogRotationTests {
    func record(_ i: Int) -> AuditRecord {
        AuditRecord(time: at(Double(i)), incident: "inc-\(i)", rule: Rule.cronDisable, trigger: "job failed",
                    evidence: ["run \(i) " + String(repeating: "e", count: 200)], action: nil,
                    dryRun: false, outcome: .executed, detail: "")
    }

    func lines(_ path: String) -> [Substring] {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n", omittingEmptySubsequences: false)
    }

    @Test func theAuditLogRotatesBySizeAndKeepsEveryRecordWhole() throws {
        let dir = makeTempDir(); defer { removeTemp(dir) }
        let path = dir + "/audit.jsonl"
        let rotation = LogRotation(maxBytes: 4096, generations: 3)
        let log = AuditLog(path: path, rotation: rotation)
        for i in 0..<60 { try log.append(record(i)) }
        // Bounded: the live file and three generations, each within the limit.
        for generation in 0...3 {
            let file = LogRotation.path(path, generation: generation)
            let size = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? -1
            #expect(size > 0 && size <= 4096, "\(file): \(size)")
            // Every line of every file decodes whole; each file ends in a newline.
            let text = lines(file)
            #expect(text.last == "", "\(file) does not end in a newline")
            for line in text.dropLast() {
                #expect((try? AuditLog.decoder().decode(AuditRecord.self, from: Data(line.utf8))) != nil, "torn: \(line)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: path + ".4"))
        // The records kept are the newest ones, in order, with no gap across the files.
        let all = try log.read(since: nil, limit: 1000)
        let numbers = all.map { Int($0.incident.dropFirst(4))! }
        #expect(numbers.last == 59)
        #expect(numbers == Array(numbers.first!...59), "a record is missing across a rotation: \(numbers)")
        #expect(numbers.count > 25)
    }

    @Test func readingAcrossRotatedFilesHonoursSinceAndLimit() throws {
        let dir = makeTempDir(); defer { removeTemp(dir) }
        let log = AuditLog(path: dir + "/audit.jsonl", rotation: LogRotation(maxBytes: 2048, generations: 5))
        for i in 0..<30 { try log.append(record(i)) }
        #expect(FileManager.default.fileExists(atPath: dir + "/audit.jsonl.2"))
        #expect(try log.read(since: nil, limit: 12).map(\.incident) == (18..<30).map { "inc-\($0)" })
        #expect(try log.read(since: at(9), limit: 100).map(\.incident) == (10..<30).map { "inc-\($0)" })
    }

    @Test func aRecordLargerThanTheLimitStillGoesWholeIntoAFreshFile() throws {
        let dir = makeTempDir(); defer { removeTemp(dir) }
        let path = dir + "/metrics.jsonl"
        let rotation = LogRotation(maxBytes: 100, generations: 2)
        try AppendOnlyFile.append(line: "{\"a\":1}", to: path, sync: false, rotation: rotation)
        let big = "{\"b\":\"" + String(repeating: "x", count: 300) + "\"}"
        try AppendOnlyFile.append(line: big, to: path, sync: false, rotation: rotation)
        #expect(lines(path) == [Substring(big), ""])
        #expect(lines(path + ".1") == ["{\"a\":1}", ""])
    }

    @Test func theMetricsFileRotatesToo() throws {
        let dir = makeTempDir(); defer { removeTemp(dir) }
        let path = dir + "/metrics.jsonl"
        let metrics = MetricsLog(path: path, rotation: LogRotation(maxBytes: 65_536, generations: 2))
        let event = MetricEvent(event: "model_cooldown", fields: ["model": .string("anthropic/claude-opus-4-6"),
                                                                   "reason": .string(String(repeating: "r", count: 1000))])
        for i in 0..<200 { try metrics.append(event, at: at(Double(i)), dryRun: false) }
        #expect(FileManager.default.fileExists(atPath: path + ".2"))
        #expect(!FileManager.default.fileExists(atPath: path + ".3"))
        for file in [path, path + ".1", path + ".2"] {
            let size = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? -1
            #expect(size <= 65_536)
            for line in lines(file).dropLast() {
                #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil)
            }
        }
    }

    @Test func theDefaultsAre16MiBAndFiveGenerations() {
        let rotation = LogRotation(HealConfig().retention)
        #expect(rotation == LogRotation(maxBytes: 16 * 1024 * 1024, generations: 5))
    }
}
