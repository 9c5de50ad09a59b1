import Foundation
import Testing
@testable import HealCore

/// Issue 13, point 6: the guard checks the whole config, `$include` files too, and knows which
/// files an action may change.
@Suite struct OpenClawConfigIncludeTests {
    @Test func includesAreResolvedParsedAndListed() {
        let dir = ConfigScratchDir()
        let top = dir.write("openclaw.json", "{ gateway: { mode: 'local' }, plugins: { $include: './plugins.json5' }, agents: { $include: ['agents/a.json5', 'agents/b.json5'] } }")
        _ = dir.write("plugins.json5", "{ entries: { x: { enabled: true, }, }, }")
        _ = dir.write("agents/a.json5", "{ defaults: { $include: 'nested.json5' } }")
        _ = dir.write("agents/nested.json5", "// nested\n{ model: 'anthropic/claude-opus-4-6' }")
        _ = dir.write("agents/b.json5", "{}")
        let (verdict, files) = OpenClawConfigCheck.inspect(path: top)
        #expect(verdict == .valid)
        #expect(files.files == [top, dir.path + "/agents/a.json5", dir.path + "/agents/nested.json5",
                                dir.path + "/agents/b.json5", dir.path + "/plugins.json5"])
        #expect(files.digest != nil && files.topDigest != nil)
    }

    @Test func aMissingIncludeRefusesWithItsPath() {
        let dir = ConfigScratchDir()
        let top = dir.write("openclaw.json", "{ plugins: { $include: './plugins.json5' } }")
        #expect(OpenClawConfigCheck.check(path: top)
                == .invalid("$include \(dir.path)/plugins.json5 (from \(top)): no such file"))
    }

    @Test func aBrokenIncludeRefusesWithItsPathAndTheReason() {
        let dir = ConfigScratchDir()
        let top = dir.write("openclaw.json", "{ plugins: { $include: 'plugins.json5' } }")
        _ = dir.write("plugins.json5", "{ entries: ")
        guard case .invalid(let why) = OpenClawConfigCheck.check(path: top) else { Issue.record("not invalid"); return }
        #expect(why.hasPrefix("$include \(dir.path)/plugins.json5: not valid JSON5: line 1"))
    }

    @Test func cyclesAndBadIncludeValuesAreRefused() {
        let dir = ConfigScratchDir()
        let top = dir.write("openclaw.json", "{ a: { $include: 'a.json5' } }")
        _ = dir.write("a.json5", "{ b: { $include: 'a.json5' } }")
        guard case .invalid(let cycle) = OpenClawConfigCheck.check(path: top) else { Issue.record("cycle accepted"); return }
        #expect(cycle.contains("included twice or in a cycle"))
        let bad = dir.write("bad.json", "{ a: { $include: 42 } }")
        #expect(OpenClawConfigCheck.check(path: bad) == .invalid("\(bad): $include must be a path or a list of paths, got 42"))
    }

    @Test func snapshotsBesideTheTopFileAreDigested() {
        let dir = ConfigScratchDir()
        let top = dir.write("openclaw.json", "{ a: 1 }")
        _ = dir.write("openclaw.json.bak", "{ a: 1 }")
        _ = dir.write("openclaw.json.clobbered.2026-08-22", "{ a: 0 }")
        _ = dir.write("openclaw.json.unrelated", "{}")
        let (_, files) = OpenClawConfigCheck.inspect(path: top)
        #expect(Set(files.snapshotDigests.keys) == [dir.path + "/openclaw.json.bak", dir.path + "/openclaw.json.clobbered.2026-08-22"])
        #expect(files.snapshotDigests[dir.path + "/openclaw.json.bak"] == files.topDigest)
    }

    @Test func backupsCoverTheTopFileAndEveryInclude() throws {
        let dir = ConfigScratchDir()
        let top = dir.write("openclaw.json", "{ plugins: { $include: 'plugins.json5' } }")
        let include = dir.write("plugins.json5", "{ entries: {} }")
        let backups = ConfigBackups(configFile: top, directory: dir.path + "/backups")
        let taken = try backups.takeAll(includes: [include], at: t0, incident: "inc-1", pending: [])
        #expect(taken.map(\.source) == [top, include])
        #expect(taken.allSatisfy { FileManager.default.fileExists(atPath: $0.path) && fileMode($0.path) == 0o600 })
        #expect(FileManager.default.contents(atPath: taken[1].path) == FileManager.default.contents(atPath: include))
        // Unchanged bytes are not copied again; a changed include is.
        #expect(try backups.takeAll(includes: [include], at: at(60), incident: "inc-2", pending: taken).isEmpty)
        _ = dir.write("plugins.json5", "{ entries: { x: { enabled: false } } }")
        let again = try backups.takeAll(includes: [include], at: at(120), incident: "inc-3", pending: taken)
        #expect(again.map(\.source) == [include])
    }

    @Test func theWriterOfAChangeIsNamed() {
        let before = ConfigFileSet(files: ["/c/openclaw.json"], digest: "1", topDigest: "t1", snapshotDigests: [:])
        let restored = ConfigFileSet(files: ["/c/openclaw.json"], digest: "2", topDigest: "t0",
                                     snapshotDigests: ["/c/openclaw.json.bak": "t0"])
        #expect(ConfigWriterAttribution.writer(previous: before, current: restored, healerWrote: false)
                == ConfigWriterAttribution.lastKnownGoodRestore)
        let edited = ConfigFileSet(files: ["/c/openclaw.json"], digest: "3", topDigest: "t2", snapshotDigests: [:])
        #expect(ConfigWriterAttribution.writer(previous: before, current: edited, healerWrote: true) == ConfigWriterAttribution.healerCLI)
        #expect(ConfigWriterAttribution.writer(previous: before, current: edited, healerWrote: false) == ConfigWriterAttribution.userOrOther)
        let doctored = ConfigFileSet(files: ["/c/openclaw.json"], digest: "4", topDigest: "t3",
                                     snapshotDigests: ["/c/openclaw.json.bak": "t1"])
        #expect(ConfigWriterAttribution.writer(previous: before, current: doctored, healerWrote: false)
                == ConfigWriterAttribution.openClawWriter)
    }
}
