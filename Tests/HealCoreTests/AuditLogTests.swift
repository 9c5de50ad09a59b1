import Foundation
import Testing
@testable import HealCore

struct AuditLogTests {
    func record(_ i: Int, detail: String = "") -> AuditRecord {
        AuditRecord(time: at(Double(i)), incident: "inc-\(i)", rule: Rule.cronDisable, trigger: "job failed",
                    evidence: ["run \(i)"], action: .init(kind: "disable_cron", summary: "disable cron job x",
                                                          plan: ActionPlan(argv: [["openclaw", "cron", "disable", "x"]])),
                    dryRun: false, outcome: .executed, detail: detail)
    }

    @Test func recordsRoundTripNewestLast() throws {
        let dir = makeTempDir(); defer { removeTemp(dir) }
        let log = AuditLog(path: dir + "/audit.jsonl")
        for i in 0..<5 { try log.append(record(i)) }
        let all = try log.read(since: nil, limit: 100)
        #expect(all == (0..<5).map { record($0) })
        #expect(try log.read(since: nil, limit: 2).map(\.incident) == ["inc-3", "inc-4"])
        #expect(try log.read(since: at(2), limit: 100).map(\.incident) == ["inc-3", "inc-4"])
        #expect(fileMode(dir + "/audit.jsonl") == 0o600)
        let text = try String(contentsOfFile: dir + "/audit.jsonl", encoding: .utf8)
        #expect(text.split(separator: "\n").count == 5)
        #expect(text.contains(#""time":"2025-10-09T08:53:20.000Z""#))
    }

    @Test func aTornLastLineIsSkippedAndTheNextAppendStaysReadable() throws {
        let dir = makeTempDir(); defer { removeTemp(dir) }
        let path = dir + "/audit.jsonl"
        let log = AuditLog(path: path)
        try log.append(record(1))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"time":"2025-10-09T08:53:22.000Z","incident":"inc-2","ru"#.utf8))
        handle.closeFile()
        #expect(try log.read(since: nil, limit: 10).map(\.incident) == ["inc-1"])
        try log.append(record(3))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(try log.read(since: nil, limit: 10).map(\.incident) == ["inc-1", "inc-3"], "\(text)")
    }

    @Test func longLogsAreReadFromTheEndAcrossChunks() throws {
        let dir = makeTempDir(); defer { removeTemp(dir) }
        let log = AuditLog(path: dir + "/audit.jsonl")
        let padding = String(repeating: "x", count: 3000)
        for i in 0..<200 { try log.append(record(i, detail: padding)) }
        let last = try log.read(since: nil, limit: 150)
        #expect(last.map(\.incident) == (50..<200).map { "inc-\($0)" })
        #expect(try log.read(since: at(189), limit: 1000).count == 10)
    }

    @Test func aTornLineLongerThanAChunkIsSkipped() throws {
        let dir = makeTempDir(); defer { removeTemp(dir) }
        let path = dir + "/audit.jsonl"
        let log = AuditLog(path: path)
        try log.append(record(1))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(("{\"time\":\"" + String(repeating: "y", count: 200_000)).utf8))
        handle.closeFile()
        #expect(try log.read(since: nil, limit: 10).map(\.incident) == ["inc-1"])
    }

    @Test func garbageLinesAreSkipped() throws {
        let dir = makeTempDir(); defer { removeTemp(dir) }
        let path = dir + "/audit.jsonl"
        let log = AuditLog(path: path)
        try log.append(record(1))
        try AppendOnlyFile.append(line: "not json at all", to: path, sync: false)
        try log.append(record(2))
        #expect(try log.read(since: nil, limit: 10).map(\.incident) == ["inc-1", "inc-2"])
    }

    @Test func aMissingLogReadsEmpty() throws {
        #expect(try AuditLog(path: "/nonexistent-dir-for-test/audit.jsonl").read(since: nil, limit: 5).isEmpty)
    }

    @Test func secretsNeverReachTheAuditLog() throws {
        let dir = makeTempDir(); defer { removeTemp(dir) }
        let log = AuditLog(path: dir + "/audit.jsonl")
        var r = record(1, detail: "gh said: bad credentials for ghp_0123456789abcdefghijABCDEFGHIJ012345")
        r.evidence = ["error: 401 Authorization: Bearer sk-ant-api03-Zx9yW8vU7tS6rQ5pO4nM3lK2jI1hG0fE"]
        r.action?.plan = ActionPlan(argv: [["gh", "issue", "create", "--body", "key=AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW"]])
        try log.append(r)
        let text = try String(contentsOfFile: dir + "/audit.jsonl", encoding: .utf8)
        for secret in ["0123456789abcdefghij", "Zx9yW8vU7tS6rQ5pO4nM", "SyA1b2C3d4E5f6G7h8I9"] {
            #expect(!text.contains(secret))
        }
    }
}
