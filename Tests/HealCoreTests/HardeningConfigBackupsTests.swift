import Foundation
import Testing
@testable import HealCore

/// Found by the crash-consistency test: while the gateway is not proven healthy no backup is removed,
/// and every batch of repins took one more identical copy of `openclaw.json` (46 files and 46 state
/// entries in 20 seconds of churn). A copy is only taken when the config differs from the newest kept.
@Suite struct HardeningConfigBackupsTests {
    @Test func anUnchangedConfigIsNotCopiedAgain() throws {
        let dir = NSTemporaryDirectory() + "backups-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let config = dir + "/openclaw.json"
        try "{ gateway: { mode: 'local' } }".write(toFile: config, atomically: true, encoding: .utf8)
        let backups = ConfigBackups(configFile: config, directory: dir + "/backups")

        let first = try #require(try backups.take(at: at(0), incident: "inc-1"))
        #expect(try backups.take(at: at(1), incident: "inc-2", latest: first) == nil)

        try "{ gateway: { mode: 'remote' } }".write(toFile: config, atomically: true, encoding: .utf8)
        let second = try #require(try backups.take(at: at(2), incident: "inc-3", latest: first))
        #expect(FileManager.default.contents(atPath: second.path) == Data("{ gateway: { mode: 'remote' } }".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/backups").count == 2)
    }

    @Test func aMissingLatestBackupIsTakenAgain() throws {
        let dir = NSTemporaryDirectory() + "backups-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let config = dir + "/openclaw.json"
        try "{}".write(toFile: config, atomically: true, encoding: .utf8)
        let backups = ConfigBackups(configFile: config, directory: dir + "/backups")
        let first = try #require(try backups.take(at: at(0), incident: "inc-1"))
        try FileManager.default.removeItem(atPath: first.path)
        #expect(try backups.take(at: at(1), incident: "inc-2", latest: first) != nil, "someone deleted it: copy again")
    }
}
