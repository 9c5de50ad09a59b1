import Testing
@testable import SystemdKit

@Suite struct NotifyMessageTests {
    @Test func readyWithoutStatusIsBare() {
        #expect(NotifyMessage.ready(status: nil) == "READY=1")
    }
}
