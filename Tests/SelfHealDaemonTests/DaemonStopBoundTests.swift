@testable import SelfHealDaemon
import Testing

/// The stop's bounded wait for a tick in flight.
@Suite struct DaemonStopBoundTests {
    @Test func aFinishedTaskIsSeenAtOnceAndAHungOneGivesUpAtTheBound() async {
        let quick = Task<Void, Never> {}
        #expect(await ServiceGroup.finishes(quick, within: .seconds(5)))
        let hung = Task<Void, Never> { while !Task.isCancelled { try? await Task.sleep(for: .seconds(60)) } }
        let clock = ContinuousClock()
        let started = clock.now
        #expect(await !ServiceGroup.finishes(hung, within: .milliseconds(200)))
        #expect(clock.now - started < .seconds(30), "the bound was not kept")
        hung.cancel()
    }
}
