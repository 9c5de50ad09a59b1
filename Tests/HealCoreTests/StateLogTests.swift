import Foundation
import Testing
@testable import HealCore

/// The state's delta log (`StateDelta`, `StateLog`, `StateLogReplay`): records that rebuild the
/// newer state exactly, appended instead of whole rewrites once the file is big, replayed and
/// folded in at the next load, a torn last record ignored.
struct StateLogTests {
    /// A state with something in every group, and `jobs` cron jobs.
    func state(jobs: Int = 50) -> HealState {
        var s = HealState()
        s.models[modelA] = ModelRecord(strikes: 2, lastHitAt: at(0.25), lastReason: .rateLimit,
                                       cooldown: ModelCooldown(since: at(0.25), until: at(300.5), reason: .rateLimit,
                                                               source: "log", evidence: "429", retryAfterSec: 300))
        s.pins["agent:main:main"] = RememberedPin(original: modelA, repinnedTo: modelB, at: at(1), lastAttemptAt: at(1))
        s.probes = ProbeBook(lastProbeAt: [modelA: at(2)], recent: [at(2)], goodStreak: [modelA: 1])
        s.restartBudget = RestartBudgetState(restarts: [at(-100)], lastRestartAt: at(-100), pausedUntil: at(5000), pauseReason: "spent")
        for i in 0..<jobs {
            s.crons["job-\(i)"] = CronTrack(name: "Job \(i)", lastSeenRunAtMs: 1_760_000_000_000 + Int64(i), failedRuns: i % 3)
        }
        s.plugins["p"] = PluginTrack(name: "P", lastStatus: "error", disabledByUs: true, lastDisableAt: at(7))
        s.incidentCounter = 42
        s.maintenance = MaintenanceState(id: "m-1", since: at(0), until: at(600), reason: "upgrade")
        return s
    }

    /// A few changes of each kind: added, changed and removed keys, plain groups, the pause lifted.
    func changed(_ s: HealState, _ i: Int) -> HealState {
        var n = s
        n.models[ModelID(provider: "storm", model: "m-\(i)")] = ModelRecord(strikes: 1, lastHitAt: at(Double(i)), lastReason: .rateLimit)
        n.crons["job-\(2 * i)"]?.failedRuns += 1
        n.crons["job-\(2 * i + 1)"] = nil
        n.pins = [:]
        n.incidentCounter += 1
        n.restartBudget.restarts.append(at(Double(i)))
        n.maintenance = i % 2 == 0 ? nil : MaintenanceState(id: "m-2", since: at(1), until: at(900), reason: "again")
        return n
    }

    @Test func theDeltaCoversEveryFieldOfTheState() {
        let fields = Mirror(reflecting: HealState()).children.compactMap(\.label)
        #expect(StateDelta.coversHealState, "HealState's fields \(fields) are not all in StateDelta.fields")
    }

    @Test func aDeltaRebuildsTheNewerStateExactlyAndSurvivesEncoding() throws {
        var old = state()
        for i in 0..<6 {
            let new = changed(old, i)
            let delta = try #require(StateDelta(from: old, to: new))
            let decoded = try JSONFile.decoder().decode(StateDelta.self, from: JSONFile.encoder().encode(delta))
            var rebuilt = old
            decoded.apply(to: &rebuilt)
            #expect(rebuilt == new, "step \(i)")
            #expect(delta.crons?.set.count == 1 && delta.crons?.removed == ["job-\(2 * i + 1)"], "only the changed jobs travel")
            old = new
        }
        #expect(StateDelta(from: old, to: old) == nil, "no change, no record")
    }

    @Test func aBigStateIsSavedAsDeltaRecordsAndLoadsBackFolded() throws {
        let dir = makeTempDir(); defer { removeTemp(dir) }
        let path = dir + "/state.json"
        var log = StateLog(path: path, incrementalFrom: 0)
        var s = state(jobs: 2000)
        try log.save(s, whole: false)
        let wholeSize = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        for i in 0..<20 {
            s = changed(s, i)
            try log.save(s, whole: false)
        }
        #expect(log.wholeWrites == 1 && log.deltaWrites == 20)
        let deltaSize = try #require(try FileManager.default.attributesOfItem(atPath: path + ".delta")[.size] as? Int)
        #expect(deltaSize < wholeSize / 4, "20 records (\(deltaSize) bytes) cost less than one whole file (\(wholeSize) bytes)")
        #expect(fileMode(path + ".delta") == 0o600)
        #expect(StateStore(path: path).read() == s, "the whole file and its log hold the newest state")

        let loaded = StateStore(path: path).load(now: t0)
        #expect(loaded.state == s && loaded.notes.isEmpty && !loaded.startedClean)
        #expect(!FileManager.default.fileExists(atPath: path + ".delta"), "the load folded the log into the whole file")
        #expect(try StateStore.decoder().decode(HealState.self, from: Data(contentsOf: URL(fileURLWithPath: path))) == s)
    }

    @Test func aWholeSaveRemovesTheLogAndTheLogIsFoldedWhenItOutgrowsTheFile() throws {
        let dir = makeTempDir(); defer { removeTemp(dir) }
        let path = dir + "/state.json"
        var log = StateLog(path: path, incrementalFrom: 0)
        var s = state(jobs: 10)
        try log.save(s, whole: false)
        s = changed(s, 0)
        try log.save(s, whole: false)
        #expect(FileManager.default.fileExists(atPath: path + ".delta"))
        s = changed(s, 1)
        try log.save(s, whole: true)
        #expect(!FileManager.default.fileExists(atPath: path + ".delta") && log.wholeWrites == 2)
        // The log may grow to the whole file's size (at least 64 KiB), then the next save is whole.
        for i in 0..<400 {
            s.models[ModelID(provider: "storm", model: "big-\(i)")] = ModelRecord(strikes: 1, lastHitAt: at(Double(i)), lastReason: .rateLimit,
                                                     profileUntil: ["profile-\(i)-" + String(repeating: "x", count: 200): at(1)])
            try log.save(s, whole: false)
        }
        #expect(log.wholeWrites > 2, "the log was never folded: \(log.wholeWrites) whole, \(log.deltaWrites) delta")
        #expect(StateStore(path: path).read() == s)
    }

    @Test func aSmallStateStaysOneWholeFile() throws {
        let dir = makeTempDir(); defer { removeTemp(dir) }
        let path = dir + "/state.json"
        var log = StateLog(path: path, incrementalFrom: Journal.incrementalStateFrom)
        var s = state(jobs: 5)
        for i in 0..<5 {
            s = changed(s, i)
            try log.save(s, whole: false)
        }
        #expect(log.deltaWrites == 0 && !FileManager.default.fileExists(atPath: path + ".delta"))
        #expect(try StateStore.decoder().decode(HealState.self, from: Data(contentsOf: URL(fileURLWithPath: path))) == s)
    }

    @Test func aTornLastRecordIsIgnored() throws {
        let dir = makeTempDir(); defer { removeTemp(dir) }
        let path = dir + "/state.json"
        var log = StateLog(path: path, incrementalFrom: 0)
        var s = state()
        try log.save(s, whole: false)
        s = changed(s, 0)
        try log.save(s, whole: false)
        // A crash in the middle of the next record: part of a line, no newline.
        let handle = try #require(FileHandle(forWritingAtPath: path + ".delta"))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"incidentCounter":99,"models":{"set":{"x"#.utf8))
        handle.closeFile()
        #expect(StateStore(path: path).read() == s)
        let loaded = StateStore(path: path).load(now: t0)
        #expect(loaded.state == s && !loaded.startedClean)
        #expect(loaded.notes.contains { $0.contains("torn last record") }, "\(loaded.notes)")
        #expect(!FileManager.default.fileExists(atPath: path + ".delta"))
    }

    @Test func aLogThatFollowsAnotherWholeFileIsIgnored() throws {
        let dir = makeTempDir(); defer { removeTemp(dir) }
        let path = dir + "/state.json"
        var log = StateLog(path: path, incrementalFrom: 0)
        let s = state()
        try log.save(s, whole: false)
        try log.save(changed(s, 0), whole: false)
        let stale = try Data(contentsOf: URL(fileURLWithPath: path + ".delta"))
        // A compaction wrote a newer whole file; the kill came before the old log was removed.
        var newer = changed(s, 1)
        newer.incidentCounter = 7
        try StateStore(path: path).save(newer)
        try stale.write(to: URL(fileURLWithPath: path + ".delta"))
        let loaded = StateStore(path: path).load(now: t0)
        #expect(loaded.state == newer)
        #expect(loaded.notes.contains { $0.contains("older state file") }, "\(loaded.notes)")
    }

    @Test func aRecordThatDoesNotDecodeMidLogStopsTheReplayAndIsKeptAside() throws {
        let dir = makeTempDir(); defer { removeTemp(dir) }
        let path = dir + "/state.json"
        var log = StateLog(path: path, incrementalFrom: 0)
        var s = state()
        try log.save(s, whole: false)
        s = changed(s, 0)
        try log.save(s, whole: false)
        let good = s
        let handle = try #require(FileHandle(forWritingAtPath: path + ".delta"))
        handle.seekToEndOfFile()
        handle.write(Data("{\"incidentCounter\":\"many\"}\n".utf8))
        handle.closeFile()
        s = changed(s, 1)
        try log.save(s, whole: false)
        let loaded = StateStore(path: path).load(now: t0)
        #expect(loaded.state == good, "replayed up to the bad record")
        #expect(loaded.notes.contains { $0.contains("does not decode") }, "\(loaded.notes)")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir)
        #expect(names.contains { $0.hasPrefix("state.json.delta.corrupt-") }, "\(names)")
    }

    @Test func theJournalAppendsDeltasForABigStateAndWritesItWholeWhenAsked() async throws {
        let dir = makeTempDir(); defer { removeTemp(dir) }
        let path = dir + "/state.json"
        let journal = Journal(incrementalFrom: 0)
        var s = state(jobs: 500)
        for i in 0..<10 {
            s = changed(s, i)
            journal.submit(state: s, path: path)
            #expect(await journal.durable() == nil)
        }
        let writes = journal.stateWrites(path: path)
        #expect(writes.whole == 1 && writes.delta == 9, "\(writes)")
        #expect(StateStore(path: path).read() == s)
        journal.submit(state: s, path: path, whole: true)
        #expect(await journal.durable() == nil)
        #expect(!FileManager.default.fileExists(atPath: path + ".delta"))
        #expect(try StateStore.decoder().decode(HealState.self, from: Data(contentsOf: URL(fileURLWithPath: path))) == s)
    }
}
