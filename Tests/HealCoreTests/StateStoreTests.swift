import Foundation
import Testing
@testable import HealCore

struct StateStoreTests {
    func richState() -> HealState {
        var s = HealState()
        s.models[modelA] = ModelRecord(strikes: 2, lastHitAt: at(0.25), lastReason: .rateLimit,
                                       cooldown: ModelCooldown(since: at(0.25), until: at(300.5), reason: .rateLimit,
                                                               source: "log", evidence: "429", retryAfterSec: 300))
        s.pins["agent:main:main"] = RememberedPin(original: modelA, repinnedTo: modelB, at: at(1), lastAttemptAt: at(1))
        s.probes = ProbeBook(lastProbeAt: [modelA: at(2)], recent: [at(2)], goodStreak: [modelA: 1])
        s.whatsapp = WhatsAppState(disconnectStreak: 3, firstDisconnectedAt: at(3), lastRestartAt: at(-100),
                                   lastStatus: "disconnected", lastDetail: "running: true", alerted: nil)
        s.gateway = GatewayState(downStreak: 0, downSince: nil, lastSeenLiveAt: at(4))
        s.restartBudget = RestartBudgetState(restarts: [at(-100)], lastRestartAt: at(-100), pausedUntil: at(5000), pauseReason: "spent")
        s.crons["job-1"] = CronTrack(name: "Morning brief", lastSeenRunAtMs: 1_760_000_000_123, lastSeenConsecutiveErrors: 2,
                                     failedRuns: 2, lastIssueAt: at(6))
        s.plugins["p"] = PluginTrack(name: "P", lastStatus: "error", disabledByUs: true, lastDisableAt: at(7))
        s.pendingBackups = [ConfigBackupRecord(path: "/tmp/x.bak", takenAt: at(8), incident: "inc-1")]
        s.incidentCounter = 42
        return s
    }

    @Test func aSavedStateLoadsBackIdentical() throws {
        let dir = makeTempDir(); defer { removeTemp(dir) }
        let store = StateStore(path: dir + "/state.json")
        try store.save(richState())
        let loaded = store.load(now: t0)
        #expect(loaded.state == richState())
        #expect(loaded.notes.isEmpty && !loaded.startedClean)
        #expect(fileMode(dir + "/state.json") == 0o600)
    }

    @Test func aSaveLeavesNoTemporaryFilesAndReplacesTheOldFile() throws {
        let dir = makeTempDir(); defer { removeTemp(dir) }
        let store = StateStore(path: dir + "/state.json")
        for i in 0..<20 {
            var s = richState()
            s.incidentCounter = i
            try store.save(s)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["state.json"])
        #expect(store.load().state.incidentCounter == 19)
    }

    @Test func aSaveCreatesTheDirectory() throws {
        let dir = makeTempDir(); defer { removeTemp(dir) }
        let store = StateStore(path: dir + "/a/b/state.json")
        try store.save(HealState())
        #expect(FileManager.default.fileExists(atPath: dir + "/a/b/state.json"))
    }

    @Test(arguments: [
        "{ this is not json",
        "",
        #"{"version": 1, "models": {"a/b": {"strikes": "many"}}}"#,
        #"{"version": 99}"#,
        #"{"models": {}}"#,
        "\u{0}\u{1}\u{2}binary",
    ])
    func aCorruptFileIsMovedAsideAndTheHealerStartsClean(_ content: String) throws {
        let dir = makeTempDir(); defer { removeTemp(dir) }
        let path = dir + "/state.json"
        try Data(content.utf8).write(to: URL(fileURLWithPath: path))
        let result = StateStore(path: path).load(now: t0)
        #expect(result.startedClean)
        #expect(result.state == HealState())
        let aside = path + ".corrupt-20251009T085320Z"
        #expect(FileManager.default.fileExists(atPath: aside))
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try Data(contentsOf: URL(fileURLWithPath: aside)) == Data(content.utf8), "the evidence is kept as it was")
        #expect(result.notes.count == 2)
        #expect(result.notes[1].contains("moved it aside"))
    }

    @Test func aMissingFileIsACleanStartWithoutDrama() {
        let dir = makeTempDir(); defer { removeTemp(dir) }
        let result = StateStore(path: dir + "/none.json").load()
        #expect(!result.startedClean && result.state == HealState())
    }

    @Test func groupsMissingFromAnOlderFileTakeTheirDefaults() throws {
        let dir = makeTempDir(); defer { removeTemp(dir) }
        let path = dir + "/state.json"
        try Data(#"{"version": 1, "incidentCounter": 7}"#.utf8).write(to: URL(fileURLWithPath: path))
        let result = StateStore(path: path).load()
        #expect(!result.startedClean)
        #expect(result.state.incidentCounter == 7)
        #expect(result.state.models.isEmpty)
    }

    @Test func saveFailuresAreTypedErrors() throws {
        let dir = makeTempDir(); defer { removeTemp(dir) }
        try Data("x".utf8).write(to: URL(fileURLWithPath: dir + "/file"))
        #expect(throws: FileSystemError.self) { try StateStore(path: dir + "/file/state.json").save(HealState()) }
    }

    @Test func incidentsAreNumberedAndCarryTheTime() {
        var s = HealState()
        #expect(s.nextIncident(at: t0) == "inc-1760000000-1")
        #expect(s.nextIncident(at: at(1.7)) == "inc-1760000001-2")
    }

    @Test func temporaryFilesLeftByACrashAreCleanedAtLoad() throws {
        let dir = makeTempDir(); defer { removeTemp(dir) }
        let store = StateStore(path: dir + "/state.json")
        try store.save(richState())
        try Data("{ half a sta".utf8).write(to: URL(fileURLWithPath: dir + "/.state.json.tmp-123-456"))
        try Data("other".utf8).write(to: URL(fileURLWithPath: dir + "/.other.tmp-1"))
        #expect(store.load().state == richState())
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == [".other.tmp-1", "state.json"])
    }
}
