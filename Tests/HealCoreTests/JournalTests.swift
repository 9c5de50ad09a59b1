import Foundation
import Testing
@testable import HealCore
import TestSupport

struct JournalTests {
    func record(_ i: Int) -> AuditRecord {
        AuditRecord(time: at(Double(i)), incident: "inc-\(i)", rule: Rule.modelCooldown, trigger: "m\(i) failed",
                    evidence: [], action: nil, dryRun: false, outcome: .recorded, detail: "")
    }

    func savedState(_ path: String) throws -> HealState {
        try StateStore.decoder().decode(HealState.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func manyHandOversAreWrittenWithFewerStateWritesAndInOrder() async throws {
        let dir = makeTempDir(); defer { removeTemp(dir) }
        let journal = Journal()
        let count = 200
        for i in 0..<count {
            var s = HealState()
            s.incidentCounter = i
            journal.submit(state: s, path: dir + "/state.json")
            journal.submit(audit: record(i), path: dir + "/audit.jsonl", rotation: nil)
        }
        #expect(await journal.durable() == nil)
        #expect(try savedState(dir + "/state.json").incidentCounter == count - 1, "the newest state is the one on disk")
        let records = try AuditLog(path: dir + "/audit.jsonl").read(since: nil, limit: 1000)
        #expect(records.map(\.incident) == (0..<count).map { "inc-\($0)" }, "every record, in the order handed over")
        let figures = journal.figures
        #expect(figures.statesWritten < count / 4, "superseded states are never written: \(figures)")
        #expect(fileMode(dir + "/state.json") == 0o600 && fileMode(dir + "/audit.jsonl") == 0o600)
    }

    @Test func concurrentWaitersShareTheNextWrite() async throws {
        let dir = makeTempDir(); defer { removeTemp(dir) }
        let journal = Journal()
        let waiters = 64
        let results = await withTaskGroup(of: (Int, String?).self) { group in
            for i in 0..<waiters {
                group.addTask {
                    var s = HealState()
                    s.incidentCounter = i
                    journal.submit(state: s, path: dir + "/state.json")
                    journal.submit(audit: self.record(i), path: dir + "/audit.jsonl", rotation: nil)
                    let error = await journal.durable()
                    // What this waiter handed over is on disk when it returns.
                    let lines = (try? String(contentsOfFile: dir + "/audit.jsonl", encoding: .utf8)) ?? ""
                    return (lines.contains("\"incident\":\"inc-\(i)\"") ? i : -1, error)
                }
            }
            var all: [(Int, String?)] = []
            for await r in group { all.append(r) }
            return all
        }
        #expect(results.allSatisfy { $0.1 == nil })
        #expect(Set(results.map(\.0)) == Set(0..<waiters), "each waiter found its own record written")
        #expect(journal.figures.statesWritten < waiters, "one fsync served several waiters: \(journal.figures)")
    }

    @Test func aStateThatCannotBeWrittenIsReportedToTheWaiterAndAsAFault() async throws {
        let dir = makeTempDir(); defer { removeTemp(dir) }
        try Data("x".utf8).write(to: URL(fileURLWithPath: dir + "/blocker"))
        let changes = Counter()
        let journal = Journal(faultsChanged: { changes.bump() })
        journal.submit(state: HealState(), path: dir + "/blocker/state.json")
        let failure = try #require(await journal.durable())
        #expect(failure.contains("blocker"))
        #expect(journal.stateError == failure && journal.faults["state-file"] == failure)
        #expect(changes.value == 1, "the status cache is told")
        // The next good write clears it.
        journal.submit(state: HealState(), path: dir + "/state.json")
        #expect(await journal.durable() == nil)
        #expect(journal.stateError == nil && journal.faults.isEmpty)
        #expect(changes.value == 2)
    }

    @Test func aTornLastLineIsTerminatedAndEveryNewRecordStaysWhole() async throws {
        let dir = makeTempDir(); defer { removeTemp(dir) }
        let path = dir + "/audit.jsonl"
        let first = String(decoding: try AuditLog.encoder().encode(record(0)), as: UTF8.self)
        try Data((first + "\n" + #"{"time":"2026-08-2"#).utf8).write(to: URL(fileURLWithPath: path)) // a crash mid-append
        let journal = Journal()
        for i in 1...3 { journal.submit(audit: record(i), path: path, rotation: nil) }
        #expect(await journal.durable() == nil)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 6 && lines.last == "")
        #expect(lines[1] == #"{"time":"2026-08-2"#, "the torn fragment keeps a line of its own")
        let records = try AuditLog(path: path).read(since: nil, limit: 10)
        #expect(records.map(\.incident) == ["inc-0", "inc-1", "inc-2", "inc-3"])
    }

    @Test func aBatchRotatesTheLogAndLosesNoRecord() async throws {
        let dir = makeTempDir(); defer { removeTemp(dir) }
        let path = dir + "/audit.jsonl"
        let journal = Journal()
        let rotation = LogRotation(maxBytes: 600, generations: 5)
        for i in 0..<12 { journal.submit(audit: record(i), path: path, rotation: rotation) }
        #expect(await journal.durable() == nil)
        #expect(FileManager.default.fileExists(atPath: path + ".1"))
        let records = try AuditLog(path: path, rotation: rotation).read(since: nil, limit: 100)
        #expect(records.map(\.incident) == (0..<12).map { "inc-\($0)" })
    }

    @Test func drainedWaitsForTheStatusFileToo() async throws {
        let dir = makeTempDir(); defer { removeTemp(dir) }
        let journal = Journal()
        let snap = StatusBuilder.build(state: HealState(), config: makeConfig { _ in },
                                       inputs: StatusInputs(now: t0, version: "t", pid: 1, startedAt: t0))
        journal.submit(statusTo: dir + "/status.json") { snap }
        #expect(await journal.drained() == nil)
        let decoded = try JSONDecoder().decode(StatusSnapshot.self, from: Data(contentsOf: URL(fileURLWithPath: dir + "/status.json")))
        #expect(decoded.generatedAt == snap.generatedAt)
        #expect(fileMode(dir + "/status.json") == 0o600)
    }

    @Test func anIngestedEventIsOnDiskBeforeTheRepinItTriggersStarts() async throws {
        let box = HealerSandbox(#function); defer { box.cleanup() }
        let clock = TestClock()
        let control = RecordingControl(stateFile: box.stateFile)
        let healer = Healer(config: box.config, control: control, clock: clock, version: "t", pid: 1)
        _ = await healer.load()
        _ = await healer.tick(observe(at: t0, sessions: .value([pin("agent:main:main", modelA)])))
        let result = await healer.ingest(failure(modelA, .rateLimit, at: t0, retryAfter: 600), durably: false)
        #expect(result.decisions.map(\.decision.rule) == [Rule.modelCooldown, Rule.sessionRepin])
        let call = try #require(control.calls.first)
        let saved = try #require(call.savedState, "the state file existed when the repin began")
        #expect(saved.models[modelA]?.cooldown != nil, "the cooldown the event caused was on disk")
        #expect(saved.inFlight.map(\.kind) == ["repin_session"], "and the repin was marked in flight")
    }

    @Test func concurrentEventsShareStateWritesAndAllReachTheDisk() async throws {
        let box = HealerSandbox(#function); defer { box.cleanup() }
        let healer = Healer(config: box.config, control: RecordingControl(stateFile: box.stateFile), clock: TestClock(),
                            version: "t", pid: 1)
        _ = await healer.load()
        let models = (0..<100).map { ModelID(provider: "storm", model: "m-\($0)") }
        await withTaskGroup(of: Void.self) { group in
            for model in models {
                group.addTask { _ = await healer.ingest(failure(model, .rateLimit, at: t0, retryAfter: 600)) }
            }
        }
        let saved = try StateStore.decoder().decode(HealState.self, from: Data(contentsOf: URL(fileURLWithPath: box.stateFile)))
        #expect(Set(models).isSubset(of: Set(saved.models.keys)), "every event is in the state on disk")
        let cooled = await healer.auditRecords(since: nil, limit: 1000).filter { $0.rule == Rule.modelCooldown }
        #expect(cooled.count == models.count)
        #expect(healer.journal.figures.statesWritten < models.count, "\(healer.journal.figures)")
    }
}

/// Counts calls from any thread.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func bump() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
