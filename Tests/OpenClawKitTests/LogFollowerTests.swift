import Foundation
import HealCore
import Synchronization
import Testing
@testable import OpenClawKit

/// The follower with real wakeups (inotify or polling) in a temporary directory. Bounds are
/// generous (2 s) because the machine may be busy; the follower usually reacts in milliseconds.
@Suite struct LogFollowerTests {
    static let day = Date(timeIntervalSince1970: 1_787_400_000)

    /// Collects the failures a follower hands on.
    final class Collector: Sendable {
        private let events = Mutex<[FailureEvent]>([])
        func record(_ event: FailureEvent) { events.withLock { $0.append(event) } }
        var models: [String?] { events.withLock { $0.map { $0.model?.description } } }

        /// Waits until `count` events arrived or `timeout` passed; returns the models seen.
        func wait(for count: Int, timeout: Duration = .seconds(2)) async -> [String?] {
            let deadline = ContinuousClock.now + timeout
            while ContinuousClock.now < deadline {
                if models.count >= count { break }
                try? await Task.sleep(for: .milliseconds(5))
            }
            return models
        }
    }

    /// A clock the test moves by hand.
    final class ManualClock: Sendable {
        private let current: Mutex<Date>
        init(_ date: Date) { current = Mutex(date) }
        func set(_ date: Date) { current.withLock { $0 = date } }
        func now() -> Date { current.withLock { $0 } }
    }

    func makeFollower(_ fixture: LogDirectoryFixture, clock: ManualClock = ManualClock(day), positionFile: String? = nil,
                      useInotify: Bool = true, collector: Collector) -> LogFollower {
        var configuration = LogFollowerConfiguration(directory: fixture.directory, positionFile: positionFile)
        configuration.useInotify = useInotify
        configuration.pollInterval = .milliseconds(500)
        configuration.fallbackPollInterval = .milliseconds(20)
        return LogFollower(configuration: configuration, now: { clock.now() }, onFailure: { collector.record($0) })
    }

    @Test(arguments: [true, false])
    func appendedLineIsDelivered(useInotify: Bool) async {
        let fixture = LogDirectoryFixture()
        let name = LogDirectoryFixture.fileName(for: Self.day)
        fixture.append(LogDirectoryFixture.failureLine("history/line"), to: name)
        let collector = Collector()
        let follower = makeFollower(fixture, useInotify: useInotify, collector: collector)
        follower.start()
        defer { follower.stop() }
        #expect(follower.stats.wakeupMode == (useInotify ? .inotify : .poll))

        fixture.append(LogDirectoryFixture.infoLine() + LogDirectoryFixture.failureLine("anthropic/claude-opus-4-6"), to: name)
        #expect(await collector.wait(for: 1) == ["anthropic/claude-opus-4-6"])
        let stats = follower.stats
        #expect(stats.linesRead == 2)
        #expect(stats.eventsEmitted == 1)
        #expect(stats.currentFile == fixture.path(name))
        #expect(stats.lagBytes == 0)
    }

    @Test func missingDirectoryAppearsLater() async {
        let fixture = LogDirectoryFixture(createDirectory: false)
        let collector = Collector()
        let follower = makeFollower(fixture, collector: collector)
        follower.start()
        defer { follower.stop() }
        #expect(follower.stats.currentFile == nil)

        fixture.makeDirectory()
        fixture.append(LogDirectoryFixture.failureLine("after/mkdir"), to: LogDirectoryFixture.fileName(for: Self.day))
        #expect(await collector.wait(for: 1) == ["after/mkdir"])
        // Now the directory itself is watched: a later line arrives as well.
        fixture.append(LogDirectoryFixture.failureLine("second/line"), to: LogDirectoryFixture.fileName(for: Self.day))
        #expect(await collector.wait(for: 2) == ["after/mkdir", "second/line"])
        #expect(follower.stats.wakeupMode == .inotify)
    }

    @Test func rotationAndRolloverWhileFollowing() async {
        let fixture = LogDirectoryFixture()
        let clock = ManualClock(Self.day)
        let today = LogDirectoryFixture.fileName(for: Self.day)
        let tomorrow = LogDirectoryFixture.fileName(for: Self.day.addingTimeInterval(86_400))
        let collector = Collector()
        let follower = makeFollower(fixture, clock: clock, collector: collector)
        follower.start()
        defer { follower.stop() }

        fixture.append(LogDirectoryFixture.failureLine("first/line"), to: today)
        #expect(await collector.wait(for: 1) == ["first/line"])
        // The file is followed now: what is written just before it is renamed is still read.
        fixture.append(LogDirectoryFixture.failureLine("before/rotation"), to: today)
        fixture.rename(today, to: String(today.dropLast(4)) + ".1.log")
        fixture.append(LogDirectoryFixture.failureLine("after/rotation"), to: today)
        #expect(await collector.wait(for: 3) == ["first/line", "before/rotation", "after/rotation"])

        clock.set(Self.day.addingTimeInterval(86_400))
        fixture.append(LogDirectoryFixture.failureLine("next/day"), to: tomorrow)
        #expect(await collector.wait(for: 4) == ["first/line", "before/rotation", "after/rotation", "next/day"])
        #expect(follower.stats.currentFile == fixture.path(tomorrow))
        #expect(follower.stats.rollovers == 1)
    }

    @Test func restartResumesWithoutReplay() async throws {
        let fixture = LogDirectoryFixture()
        let name = LogDirectoryFixture.fileName(for: Self.day)
        let positionFile = fixture.root + "/self-heal-logpos.json"
        fixture.append(LogDirectoryFixture.failureLine("history/line"), to: name)

        let firstRun = Collector()
        let first = makeFollower(fixture, positionFile: positionFile, collector: firstRun)
        first.start()
        fixture.append(LogDirectoryFixture.failureLine("first/run"), to: name)
        #expect(await firstRun.wait(for: 1) == ["first/run"])
        first.stop()
        #expect(FileManager.default.fileExists(atPath: positionFile))
        #expect(first.stats.eventsEmitted == 1)
        #expect(first.stats.wakeupMode == LogFollowerStats.WakeupMode.none)

        fixture.append(LogDirectoryFixture.failureLine("while/stopped"), to: name)
        let secondRun = Collector()
        let second = makeFollower(fixture, positionFile: positionFile, collector: secondRun)
        second.start()
        defer { second.stop() }
        fixture.append(LogDirectoryFixture.failureLine("second/run"), to: name)
        #expect(await secondRun.wait(for: 2) == ["while/stopped", "second/run"])
        try await Task.sleep(for: .milliseconds(50))
        #expect(secondRun.models == ["while/stopped", "second/run"])
        #expect(firstRun.models == ["first/run"])
    }

    @Test func nothingIsDeliveredAfterStop() async throws {
        let fixture = LogDirectoryFixture()
        let name = LogDirectoryFixture.fileName(for: Self.day)
        let collector = Collector()
        let follower = makeFollower(fixture, collector: collector)
        follower.start()
        follower.stop()
        fixture.append(LogDirectoryFixture.failureLine("after/stop"), to: name)
        try await Task.sleep(for: .milliseconds(100))
        #expect(collector.models.isEmpty)
        follower.stop()  // a second stop is harmless
    }

    @Test func callbacksMayCallBackIntoTheFollower() async {
        let fixture = LogDirectoryFixture()
        let name = LogDirectoryFixture.fileName(for: Self.day)
        let seen = Mutex<[Int]>([])
        let holder = Mutex<LogFollower?>(nil)
        let follower = LogFollower(configuration: LogFollowerConfiguration(directory: fixture.directory), now: { Self.day }) { _ in
            if let follower = holder.withLock({ $0 }) {
                seen.withLock { $0.append(follower.stats.eventsEmitted) }
                follower.stop()
            }
        }
        holder.withLock { $0 = follower }
        follower.start()
        fixture.append(LogDirectoryFixture.failureLine("a/one") + LogDirectoryFixture.failureLine("b/two"), to: name)
        let deadline = ContinuousClock.now + .seconds(2)
        while seen.withLock({ $0.isEmpty }), ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(5)) }
        // Both failures of the read were counted before the first callback ran, and stopping from a
        // callback did not deadlock.
        #expect(seen.withLock { $0 }.first == 2)
        holder.withLock { $0 = nil }
    }
}
