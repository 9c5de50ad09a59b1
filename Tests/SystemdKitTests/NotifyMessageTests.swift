import Testing
@testable import SystemdKit

@Suite struct NotifyMessageTests {
    @Test func readyWithoutStatusIsBare() {
        #expect(NotifyMessage.ready(status: nil) == "READY=1")
    }

    @Test func readyCarriesStatusOnItsOwnLine() {
        #expect(NotifyMessage.ready(status: "healthy") == "READY=1\nSTATUS=healthy")
    }

    @Test func statusIsFoldedIntoOneLine() {
        // A newline would end the STATUS= assignment and smuggle in another one.
        let message = NotifyMessage.status("gateway down\nREADY=1\r\n\tretrying  soon ")
        #expect(message == "STATUS=gateway down READY=1 retrying soon")
        #expect(!message.dropFirst().contains("\n"))
    }

    @Test func statusIsCutAtTheLimitOnACharacterBoundary() {
        let long = String(repeating: "é", count: 400)  // 800 bytes
        let message = NotifyMessage.status(long)
        let value = message.dropFirst("STATUS=".count)
        #expect(value.utf8.count <= NotifyMessage.maximumStatusBytes)
        #expect(value.utf8.count == 512)
        #expect(value.allSatisfy { $0 == "é" })
    }

    @Test func reloadingCarriesTheMonotonicTimestamp() {
        #expect(NotifyMessage.reloading(monotonicMicroseconds: 123_456_789) == "RELOADING=1\nMONOTONIC_USEC=123456789")
    }

    @Test func stoppingWithAndWithoutStatus() {
        #expect(NotifyMessage.stopping(status: nil) == "STOPPING=1")
        #expect(NotifyMessage.stopping(status: "draining") == "STOPPING=1\nSTATUS=draining")
    }

    @Test func watchdogPing() {
        #expect(NotifyMessage.watchdog == "WATCHDOG=1")
    }
}
