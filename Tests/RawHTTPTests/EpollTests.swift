import Glibc
import Testing
@testable import RawHTTP

@Suite struct EpollTests {
    @Test func reportsReadinessWithItsTokenAndHonoursInterestChanges() throws {
        let epoll = try Epoll.create()
        defer { close(epoll.descriptor) }
        var pipeEnds: [Int32] = [0, 0]
        try #require(pipe(&pipeEnds) == 0)
        defer { close(pipeEnds[0]); close(pipeEnds[1]) }
        let buffer = EpollEventBuffer(capacity: 4)
        defer { buffer.deallocate() }
        let token: UInt64 = 0xABCD_0000_0000_0000 | UInt64(pipeEnds[0])

        #expect(epoll.add(pipeEnds[0], events: Epoll.Event.input, token: token))
        #expect(epoll.poll(into: buffer) == 0)
        #expect(write(pipeEnds[1], "x", 1) == 1)
        #expect(epoll.poll(into: buffer) == 1)
        #expect(buffer.token(at: 0) == token)
        #expect(buffer.events(at: 0) & Epoll.Event.input != 0)
        // Level-triggered: still ready until read.
        #expect(epoll.poll(into: buffer) == 1)
        // Interest 0 pauses reporting.
        #expect(epoll.modify(pipeEnds[0], events: 0, token: token))
        #expect(epoll.poll(into: buffer) == 0)
        #expect(epoll.remove(pipeEnds[0]))
        #expect(!epoll.remove(pipeEnds[0]))
    }
}
