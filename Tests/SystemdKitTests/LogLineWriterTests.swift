import Foundation
import Glibc
import Testing
@testable import SystemdKit

@Suite struct LogLineWriterTests {
    @Test func writesLinesToAPipe() {
        let pipe = TestPipe()
        let writer = LogLineWriter(fileDescriptor: pipe.writeEnd)
        #expect(writer.write("one\n"))
        #expect(writer.write("two\n"))
        #expect(pipe.readAvailable() == "one\ntwo\n")
        #expect(writer.droppedLineCount == 0)
    }

    @Test func linesFromManyThreadsNeverInterleave() async {
        let pipe = TestPipe()
        let writer = LogLineWriter(fileDescriptor: pipe.writeEnd, stallTimeout: .seconds(10))
        // Drain concurrently: some lines are longer than the pipe buffer holds at once.
        let collected = DrainedBytes()
        let reader = Thread { collected.drain(pipe.readEnd) }
        reader.start()

        await withTaskGroup(of: Void.self) { group in
            for thread in 0 ..< 8 {
                group.addTask {
                    for index in 0 ..< 60 {
                        // 10 .. ~9,000 bytes: below and above PIPE_BUF.
                        let payload = String(repeating: Character(UnicodeScalar(UInt8(97 + thread))), count: 10 + (index * 151) % 9_000)
                        writer.write("t\(thread)-\(index):\(payload)\n")
                    }
                }
            }
        }
        writer.write("end\n")
        let text = collected.waitFor(suffix: "end\n")
        let lines = text.split(separator: "\n").dropLast()
        #expect(lines.count == 8 * 60)
        for line in lines {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, let thread = parts[0].dropFirst().split(separator: "-").first.flatMap({ Int($0) }),
                let index = parts[0].split(separator: "-").last.flatMap({ Int($0) })
            else {
                Issue.record("mangled line: \(line.prefix(40))")
                continue
            }
            let expected = String(repeating: Character(UnicodeScalar(UInt8(97 + thread))), count: 10 + (index * 151) % 9_000)
            #expect(parts[1] == Substring(expected), "line t\(thread)-\(index) was cut or mixed")
        }
        #expect(writer.droppedLineCount == 0)
    }

    @Test func aStuckReaderCostsOneTimeoutThenLinesAreDroppedAtOnce() {
        let pipe = TestPipe()
        pipe.fill()
        let writer = LogLineWriter(fileDescriptor: pipe.writeEnd, stallTimeout: .milliseconds(500))

        let clock = ContinuousClock()
        let first = clock.measure { #expect(!writer.write("first\n")) }
        #expect(first >= .milliseconds(450))
        #expect(first < .seconds(10))
        let second = clock.measure { #expect(!writer.write("second\n")) }
        #expect(second < .milliseconds(450))
        #expect(writer.droppedLineCount == 2)

        // Once the reader catches up, the next line goes out with a notice of what was lost.
        _ = pipe.readAvailable()
        #expect(writer.write("third\n") { dropped in "dropped \(dropped)\n" })
        #expect(pipe.readAvailable() == "dropped 2\nthird\n")
        #expect(writer.write("fourth\n") { dropped in "dropped \(dropped)\n" })
        #expect(pipe.readAvailable() == "fourth\n")
    }

    @Test func aClosedReaderDropsLinesWithoutSignals() {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        close(ends[0])  // the reader went away: a write would raise SIGPIPE
        defer { close(ends[1]) }
        let writer = LogLineWriter(fileDescriptor: ends[1], stallTimeout: .milliseconds(100))
        #expect(!writer.write("nobody reads this\n"))
        #expect(writer.droppedLineCount == 1)
    }

    @Test func aFullJournalSocketDoesNotBlock() throws {
        var pair: [Int32] = [0, 0]
        try #require(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &pair) == 0)
        defer { close(pair[0]); close(pair[1]) }
        let writer = LogLineWriter(fileDescriptor: pair[0], stallTimeout: .milliseconds(200))
        let line = String(repeating: "x", count: 1000) + "\n"
        var written = 0
        // Until the socket buffers are full and the stall timeout passes.
        while writer.write(line) {
            written += 1
            try #require(written < 100_000, "the socket never filled")
        }
        #expect(writer.droppedLineCount == 1)

        // Drain the peer, then lines flow again, starting on a fresh line.
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var drained: [UInt8] = []
        while true {
            var waiting = pollfd(fd: pair[1], events: Int16(POLLIN), revents: 0)
            guard poll(&waiting, 1, 0) > 0 else { break }
            let count = read(pair[1], &buffer, buffer.count)
            guard count > 0 else { break }
            drained += buffer[0 ..< count]
        }
        #expect(writer.write("after\n"))
        let count = read(pair[1], &buffer, buffer.count)
        drained += buffer[0 ..< max(0, count)]

        // Every line arrived whole, except at most one cut short by the stall, and "after"
        // starts a line of its own.
        let lines = String(decoding: drained, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.suffix(2) == ["after", ""])
        let body = lines.dropLast(2)
        #expect(body.allSatisfy { $0.allSatisfy { $0 == "x" } })
        #expect(body.filter { $0.count == 1000 }.count == written)
        #expect(body.filter { $0.count != 1000 }.count <= 1)
    }
}

/// Collects everything read from a descriptor on a background thread.
final class DrainedBytes: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: [UInt8] = []

    func drain(_ descriptor: Int32) {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            guard count > 0 else { return }
            lock.withLock { bytes += buffer[0 ..< count] }
            if lock.withLock({ bytes.suffix(4) == Array("end\n".utf8) }) { return }
        }
    }

    func waitFor(suffix: String, timeout: Duration = .seconds(30)) -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let done = lock.withLock { bytes.suffix(suffix.utf8.count) == Array(suffix.utf8) }
            if done { break }
            usleep(5_000)
        }
        return lock.withLock { String(decoding: bytes, as: UTF8.self) }
    }
}
