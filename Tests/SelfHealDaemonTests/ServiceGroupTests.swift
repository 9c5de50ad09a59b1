@testable import SelfHealDaemon
import Synchronization
import Testing

/// The group's order (start in order, stop in reverse, each stop awaited before the next) and its
/// one deadline, with services that hang in their stop.
@Suite struct ServiceGroupTests {
    final class Journal: Sendable {
        private let entries = Mutex<[String]>([])
        func note(_ entry: String) { entries.withLock { $0.append(entry) } }
        var all: [String] { entries.withLock { $0 } }
    }

    struct StartFailure: Error {}

    enum Behaviour { case quick, hangs, failsToStart }

    static func service(_ name: String, _ journal: Journal, _ behaviour: Behaviour = .quick,
                        stopBound: Duration? = nil) -> ClosureService {
        ClosureService(name, stopBound: stopBound, start: {
            if behaviour == .failsToStart { throw StartFailure() }
            journal.note("start \(name)")
        }, stop: {
            journal.note("stop \(name)")
            if behaviour == .hangs {
                while true { try? await Task.sleep(for: .seconds(3600)) }
            }
            // A quick stop still takes a moment: the next must not begin before it is done.
            try? await Task.sleep(for: .milliseconds(20))
            journal.note("stopped \(name)")
        })
    }

    @Test func startsInOrderAndStopsInReverseEachAwaited() async throws {
        let journal = Journal()
        let group = ServiceGroup(["a", "b", "c"].map { Self.service($0, journal) })
        try await group.start(stopDeadline: .seconds(5))
        let late = await group.stop(within: .seconds(5))
        #expect(late.isEmpty)
        #expect(journal.all == ["start a", "start b", "start c",
                                "stop c", "stopped c", "stop b", "stopped b", "stop a", "stopped a"])
        // Stopped once: a second stop has nothing left to stop.
        #expect(await group.stop(within: .seconds(5)).isEmpty)
        #expect(journal.all.count == 9)
    }

    @Test func hangingStopsCostNoMoreThanTheirBoundAndTheDeadline() async throws {
        let journal = Journal()
        let group = ServiceGroup([
            Self.service("first", journal),
            Self.service("unbounded", journal, .hangs),
            Self.service("bounded", journal, .hangs, stopBound: .milliseconds(200)),
            Self.service("last", journal),
        ])
        try await group.start(stopDeadline: .seconds(5))
        let clock = ContinuousClock()
        let began = clock.now
        let late = await group.stop(within: .seconds(1))
        let took = clock.now - began
        #expect(late == ["bounded", "unbounded", "first"])
        #expect(took >= .seconds(1) && took < .seconds(3), "the stop took \(took)")
        // The bounded hang gave up at its bound, so the one after it still had the rest of the
        // deadline; past the deadline the first was told to stop, not waited for.
        for _ in 0..<100 where !journal.all.contains("stop first") { try await Task.sleep(for: .milliseconds(10)) }
        let stops = journal.all.filter { $0.hasPrefix("stop ") }
        #expect(stops == ["stop last", "stop bounded", "stop unbounded", "stop first"])
        #expect(journal.all.contains("stopped last"))
        #expect(!journal.all.contains("stopped unbounded"))
    }

    @Test func aFailedStartStopsWhatHadStartedAndStartsNoMore() async {
        let journal = Journal()
        let group = ServiceGroup([
            Self.service("a", journal), Self.service("b", journal),
            Self.service("c", journal, .failsToStart), Self.service("d", journal),
        ])
        await #expect(throws: StartFailure.self) { try await group.start(stopDeadline: .seconds(5)) }
        #expect(journal.all == ["start a", "start b", "stop b", "stopped b", "stop a", "stopped a"])
    }
}
