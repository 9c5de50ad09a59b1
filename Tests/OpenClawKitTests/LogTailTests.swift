import Foundation
import Glibc
import HealCore
import Testing
@testable import OpenClawKit

/// A temporary log directory, removed when the fixture goes away.
final class LogDirectoryFixture {
    let root: String
    let directory: String

    init(createDirectory: Bool = true) {
        var template = Array("/tmp/log-follower-test-XXXXXX".utf8CString)
        let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(created != nil, "mkdtemp failed")
        root = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        directory = root + "/logs"
        if createDirectory { makeDirectory() }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func makeDirectory() {
        try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { directory + "/" + name }

    func append(_ text: String, to name: String) {
        let descriptor = open(path(name), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        precondition(descriptor >= 0, "cannot open \(name)")
        let bytes = Array(text.utf8)
        precondition(bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) } == bytes.count)
        close(descriptor)
    }

    func truncate(_ name: String) {
        precondition(Glibc.truncate(path(name), 0) == 0)
    }

    func rename(_ from: String, to: String) {
        precondition(Glibc.rename(path(from), path(to)) == 0)
    }

    /// A `model_fallback_decision` that reports `model` as rate limited.
    static func failureLine(_ model: String, runId: String? = nil) -> String {
        let parts = model.split(separator: "/", maxSplits: 1)
        let run = runId.map { #""runId":"\#($0)","# } ?? ""
        return #"{"0":"{\"subsystem\":\"model-fallback/decision\"}","1":{"event":"model_fallback_decision",\#(run)"decision":"candidate_failed","candidateProvider":"\#(parts[0])","candidateModel":"\#(parts[1])","reason":"rate_limit","status":429},"2":"model fallback decision","_meta":{"logLevelName":"WARN"},"time":"2026-08-22T10:00:00.000Z"}"# + "\n"
    }

    static func infoLine(_ text: String = "ws client connected") -> String {
        #"{"0":"{\"subsystem\":\"gateway\"}","1":"\#(text)","_meta":{"logLevelName":"INFO"},"time":"2026-08-22T10:00:00.000Z"}"# + "\n"
    }

    /// The local-date file name for `date`, computed independently of the code under test.
    static func fileName(for date: Date, profile: String = "") -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone.current
        formatter.dateFormat = "yyyy-MM-dd"
        let day = formatter.string(from: date)
        return profile.isEmpty ? "openclaw-\(day).log" : "openclaw-\(profile)-\(day).log"
    }
}

@Suite struct LogTailTests {
    let day = Date(timeIntervalSince1970: 1_787_400_000)  // 2026-08-22, midday UTC
    var nextDay: Date { day.addingTimeInterval(86_400) }

    func makeTail(_ fixture: LogDirectoryFixture, positionFile: String? = nil, maxLineBytes: Int = 1 << 20) -> LogTail {
        var configuration = LogFollowerConfiguration(directory: fixture.directory, positionFile: positionFile)
        configuration.maxLineBytes = maxLineBytes
        return LogTail(configuration: configuration)
    }

    func pump(_ tail: LogTail, at date: Date? = nil) -> [String?] {
        var models: [String?] = []
        tail.pump(now: date ?? day) { models.append($0.model?.description) }
        return models
    }

    @Test func firstStartSkipsHistory() {
        let fixture = LogDirectoryFixture()
        let name = LogDirectoryFixture.fileName(for: day)
        fixture.append(LogDirectoryFixture.failureLine("old/one") + LogDirectoryFixture.infoLine(), to: name)
        let tail = makeTail(fixture)
        tail.start(now: day)
        #expect(pump(tail).isEmpty)
        fixture.append(LogDirectoryFixture.failureLine("new/one"), to: name)
        #expect(pump(tail) == ["new/one"])
        #expect(tail.stats.linesRead == 1)
        #expect(tail.stats.currentFile == fixture.path(name))
    }

    @Test func firstStartReadsAPartialLastLineOnceItCompletes() {
        let fixture = LogDirectoryFixture()
        let name = LogDirectoryFixture.fileName(for: day)
        let line = LogDirectoryFixture.failureLine("late/line")
        let half = line.utf8.count / 2
        fixture.append(LogDirectoryFixture.failureLine("old/one") + String(line.utf8.prefix(half))!, to: name)
        let tail = makeTail(fixture)
        tail.start(now: day)
        #expect(pump(tail).isEmpty)
        fixture.append(String(line.utf8.dropFirst(half))!, to: name)
        #expect(pump(tail) == ["late/line"])
    }

    @Test func partialLineIsKeptUntilItsNewline() {
        let fixture = LogDirectoryFixture()
        let name = LogDirectoryFixture.fileName(for: day)
        let tail = makeTail(fixture)
        tail.start(now: day)
        let line = LogDirectoryFixture.failureLine("split/line")
        var models: [String?] = []
        for byte in line.utf8 {
            fixture.append(String(decoding: [byte], as: UTF8.self), to: name)
            models += pump(tail)
            if byte != 0x0A { #expect(models.isEmpty) }
        }
        #expect(models == ["split/line"])
        #expect(tail.stats.bytesRead == line.utf8.count)
    }

    @Test func aFileCreatedAfterStartIsReadFromItsBeginning() {
        let fixture = LogDirectoryFixture()
        let tail = makeTail(fixture)
        tail.start(now: day)
        #expect(pump(tail).isEmpty)
        #expect(tail.stats.currentFile == nil)
        fixture.append(LogDirectoryFixture.failureLine("fresh/file"), to: LogDirectoryFixture.fileName(for: day))
        #expect(pump(tail) == ["fresh/file"])
    }

    @Test func truncationRestartsAtTheBeginning() {
        let fixture = LogDirectoryFixture()
        let name = LogDirectoryFixture.fileName(for: day)
        let tail = makeTail(fixture)
        tail.start(now: day)
        fixture.append(String(repeating: LogDirectoryFixture.infoLine(), count: 20) + LogDirectoryFixture.failureLine("before/truncate"), to: name)
        #expect(pump(tail) == ["before/truncate"])
        fixture.truncate(name)
        fixture.append(LogDirectoryFixture.failureLine("after/truncate"), to: name)
        #expect(pump(tail) == ["after/truncate"])
        #expect(tail.stats.truncations == 1)
    }

    @Test func sizeRotationLosesNoLineWrittenJustBeforeIt() {
        let fixture = LogDirectoryFixture()
        let name = LogDirectoryFixture.fileName(for: day)
        let rotated = String(name.dropLast(4)) + ".1.log"
        let tail = makeTail(fixture)
        tail.start(now: day)
        fixture.append(LogDirectoryFixture.failureLine("first/line"), to: name)
        #expect(pump(tail) == ["first/line"])
        // Written after the last read, then the file is renamed away and a new one begun.
        fixture.append(LogDirectoryFixture.failureLine("just/before"), to: name)
        fixture.rename(name, to: rotated)
        fixture.append(LogDirectoryFixture.failureLine("new/file"), to: name)
        #expect(pump(tail) == ["just/before", "new/file"])
        #expect(tail.stats.rotations == 1)
        #expect(tail.stats.currentFile == fixture.path(name))
    }

    @Test func renamedFileIsDrainedUntilTheNewOneAppears() {
        let fixture = LogDirectoryFixture()
        let name = LogDirectoryFixture.fileName(for: day)
        let tail = makeTail(fixture)
        tail.start(now: day)
        fixture.append(LogDirectoryFixture.infoLine(), to: name)
        _ = pump(tail)
        fixture.rename(name, to: String(name.dropLast(4)) + ".1.log")
        fixture.append(LogDirectoryFixture.failureLine("late/writer"), to: String(name.dropLast(4)) + ".1.log")
        #expect(pump(tail) == ["late/writer"])
        fixture.append(LogDirectoryFixture.failureLine("new/file"), to: name)
        #expect(pump(tail) == ["new/file"])
    }

    @Test func dateRolloverFinishesTheOldFileThenSwitches() {
        let fixture = LogDirectoryFixture()
        let today = LogDirectoryFixture.fileName(for: day)
        let tomorrow = LogDirectoryFixture.fileName(for: nextDay)
        #expect(today != tomorrow)
        let tail = makeTail(fixture)
        tail.start(now: day)
        fixture.append(LogDirectoryFixture.failureLine("day/one"), to: today)
        #expect(pump(tail, at: day) == ["day/one"])
        // Midnight passed but the gateway has not written the new file yet: keep reading the old one.
        fixture.append(LogDirectoryFixture.failureLine("late/day-one"), to: today)
        #expect(pump(tail, at: nextDay) == ["late/day-one"])
        fixture.append(LogDirectoryFixture.failureLine("last/day-one"), to: today)
        fixture.append(LogDirectoryFixture.failureLine("day/two"), to: tomorrow)
        #expect(pump(tail, at: nextDay) == ["last/day-one", "day/two"])
        #expect(tail.stats.rollovers == 1)
        #expect(tail.stats.currentFile == fixture.path(tomorrow))
    }

    @Test func profileFilesAreFollowed() {
        let fixture = LogDirectoryFixture()
        var configuration = LogFollowerConfiguration(directory: fixture.directory, profile: "work")
        configuration.maxLineBytes = 4096
        let tail = LogTail(configuration: configuration)
        tail.start(now: day)
        fixture.append(LogDirectoryFixture.failureLine("default/profile"), to: LogDirectoryFixture.fileName(for: day))
        fixture.append(LogDirectoryFixture.failureLine("work/profile"), to: LogDirectoryFixture.fileName(for: day, profile: "work"))
        #expect(pump(tail) == ["work/profile"])
    }

    @Test func overlongLinesAreSkippedAndCounted() {
        let fixture = LogDirectoryFixture()
        let name = LogDirectoryFixture.fileName(for: day)
        let tail = makeTail(fixture, maxLineBytes: 1000)
        tail.start(now: day)
        // One overlong line arriving in pieces, one inside a single write, then a normal one.
        let long = "candidate_failed " + String(repeating: "x", count: 3000)
        fixture.append(String(long.prefix(600)), to: name)
        _ = pump(tail)
        fixture.append(String(long.dropFirst(600)) + "\n", to: name)
        fixture.append(long + "\n" + LogDirectoryFixture.failureLine("after/long"), to: name)
        #expect(pump(tail) == ["after/long"])
        #expect(tail.stats.linesSkipped == 2)
        #expect(tail.stats.linesRead == 1)
    }

    @Test func positionIsTheStartOfThePartialLine() {
        let fixture = LogDirectoryFixture()
        let name = LogDirectoryFixture.fileName(for: day)
        let tail = makeTail(fixture)
        tail.start(now: day)
        let complete = LogDirectoryFixture.infoLine()
        fixture.append(complete + "{\"0\":\"partial", to: name)
        _ = pump(tail)
        #expect(tail.position?.offset == complete.utf8.count)
        #expect(tail.stats.currentOffset == complete.utf8.count)
        #expect(tail.stats.bytesRead == complete.utf8.count + 13)
    }

    // MARK: - Restart

    @Test func restartResumesFromTheSavedPositionWithoutReplay() throws {
        let fixture = LogDirectoryFixture()
        let name = LogDirectoryFixture.fileName(for: day)
        let positionFile = fixture.root + "/self-heal-logpos.json"
        let first = makeTail(fixture, positionFile: positionFile)
        first.start(now: day)
        fixture.append(LogDirectoryFixture.failureLine("seen/before"), to: name)
        #expect(pump(first) == ["seen/before"])
        first.savePosition(force: true)
        first.close()

        fixture.append(LogDirectoryFixture.failureLine("while/stopped"), to: name)
        let second = makeTail(fixture, positionFile: positionFile)
        second.start(now: day)
        #expect(pump(second) == ["while/stopped"])
        let saved = try #require(try LogPositionStore(path: positionFile).load())
        #expect(saved.path == fixture.path(name))
    }

    @Test func restartFindsTheSavedFileAfterItWasRotated() {
        let fixture = LogDirectoryFixture()
        let name = LogDirectoryFixture.fileName(for: day)
        let positionFile = fixture.root + "/pos.json"
        let first = makeTail(fixture, positionFile: positionFile)
        first.start(now: day)
        fixture.append(LogDirectoryFixture.failureLine("seen/before"), to: name)
        #expect(pump(first) == ["seen/before"])
        first.savePosition(force: true)
        first.close()

        fixture.append(LogDirectoryFixture.failureLine("unseen/old-file"), to: name)
        fixture.rename(name, to: String(name.dropLast(4)) + ".1.log")
        fixture.append(LogDirectoryFixture.failureLine("unseen/new-file"), to: name)
        let second = makeTail(fixture, positionFile: positionFile)
        second.start(now: day)
        #expect(pump(second) == ["unseen/old-file", "unseen/new-file"])
    }

    @Test func restartOnALaterDayReadsTheNewDaysFileFromItsBeginning() {
        let fixture = LogDirectoryFixture()
        let positionFile = fixture.root + "/pos.json"
        let first = makeTail(fixture, positionFile: positionFile)
        first.start(now: day)
        fixture.append(LogDirectoryFixture.failureLine("day/one"), to: LogDirectoryFixture.fileName(for: day))
        #expect(pump(first) == ["day/one"])
        first.savePosition(force: true)
        first.close()

        try? FileManager.default.removeItem(atPath: fixture.path(LogDirectoryFixture.fileName(for: day)))  // pruned
        fixture.append(LogDirectoryFixture.failureLine("day/two"), to: LogDirectoryFixture.fileName(for: nextDay))
        let second = makeTail(fixture, positionFile: positionFile)
        second.start(now: nextDay)
        #expect(pump(second, at: nextDay) == ["day/two"])
    }

    @Test func damagedPositionFileStartsAtTheEndAndSaysWhy() {
        let fixture = LogDirectoryFixture()
        let name = LogDirectoryFixture.fileName(for: day)
        let positionFile = fixture.root + "/pos.json"
        _ = FileManager.default.createFile(atPath: positionFile, contents: Data("{\"version\":1,".utf8))
        fixture.append(LogDirectoryFixture.failureLine("history/line"), to: name)
        let tail = makeTail(fixture, positionFile: positionFile)
        tail.start(now: day)
        #expect(pump(tail).isEmpty)
        #expect(tail.stats.lastError?.contains("malformed log position file") == true)
        fixture.append(LogDirectoryFixture.failureLine("new/line"), to: name)
        #expect(pump(tail) == ["new/line"])
        tail.savePosition(force: true)
        #expect((try? LogPositionStore(path: positionFile).load())??.offset == tail.position?.offset)
    }
}
