import Foundation
import Testing
@testable import HealCore

/// Backups of `openclaw.json` kept while the gateway has not proved healthy are bounded in count
/// and age; the newest is always kept.
@Suite struct ConfigBackupsRetentionTests {
    func record(_ day: Double, _ i: Int) -> ConfigBackupRecord {
        ConfigBackupRecord(path: "/b/\(i)", takenAt: at(day * 86_400), incident: "inc-\(i)")
    }

    @Test func keepsAtMostTheNewestCount() {
        let records = (0..<10).map { record(Double($0) / 100, $0) }
        let split = ConfigBackups.retained(records, now: at(1), maxCount: 3, maxAge: 30 * 86_400)
        #expect(split.keep.map(\.path) == ["/b/7", "/b/8", "/b/9"])
        #expect(Set(split.remove.map(\.path)) == Set((0..<7).map { "/b/\($0)" }))
    }

    @Test func dropsThoseOlderThanTheAgeButNeverTheNewest() {
        let records = [record(0, 0), record(10, 1), record(40, 2)]
        let split = ConfigBackups.retained(records, now: at(45 * 86_400), maxCount: 20, maxAge: 30 * 86_400)
        #expect(split.keep.map(\.path) == ["/b/2"])
        let stale = ConfigBackups.retained([record(0, 0)], now: at(400 * 86_400), maxCount: 20, maxAge: 30 * 86_400)
        #expect(stale.keep.map(\.path) == ["/b/0"], "the only backup protects the next action")
    }

    @Test func enforcingRemovesTheFilesDropped() throws {
        let dir = makeTempDir(); defer { removeTemp(dir) }
        try "{}".write(toFile: dir + "/openclaw.json", atomically: true, encoding: .utf8)
        let backups = ConfigBackups(configFile: dir + "/openclaw.json", directory: dir + "/backups")
        var retention = HealConfig.Retention()
        retention.configBackupsMax = 2
        var records: [ConfigBackupRecord] = []
        for i in 0..<5 {
            try "{ v: \(i) }".write(toFile: dir + "/openclaw.json", atomically: true, encoding: .utf8)
            let taken = try #require(try backups.take(at: at(Double(i)), incident: "inc-\(i)", latest: records.last))
            records.append(taken)
            records = backups.enforceRetention(records, now: at(Double(i)), retention: retention)
        }
        #expect(records.map(\.incident) == ["inc-3", "inc-4"])
        let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/backups")
        #expect(files.count == 2, "\(files)")
    }
}
