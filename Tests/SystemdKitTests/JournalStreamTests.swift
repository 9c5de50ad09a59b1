import Glibc
import Testing
@testable import SystemdKit

@Suite struct JournalStreamTests {
    /// A socket pair standing in for journald's stream; returns one end and its "dev:ino".
    private func streamWithIdentity() throws -> (descriptor: Int32, peer: Int32, identity: String) {
        var pair: [Int32] = [0, 0]
        try #require(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &pair) == 0)
        var status = stat()
        try #require(fstat(pair[0], &status) == 0)
        return (pair[0], pair[1], "\(status.st_dev):\(status.st_ino)")
    }

    @Test func matchesTheStreamNamedByJournalStream() throws {
        let stream = try streamWithIdentity()
        defer { close(stream.descriptor); close(stream.peer) }
        #expect(JournalStream.isConnected(fileDescriptor: stream.descriptor, environment: ["JOURNAL_STREAM": stream.identity]))
        #expect(SystemdLogHandler.detectFormat(environment: ["JOURNAL_STREAM": stream.identity], fileDescriptor: stream.descriptor) == .journal)
    }

    @Test func anInheritedVariableForAnotherStreamDoesNotMatch() throws {
        // A child of a journald-connected service whose stderr was redirected elsewhere.
        let journal = try streamWithIdentity()
        let other = try streamWithIdentity()
        defer { [journal.descriptor, journal.peer, other.descriptor, other.peer].forEach { close($0) } }
        #expect(!JournalStream.isConnected(fileDescriptor: other.descriptor, environment: ["JOURNAL_STREAM": journal.identity]))
        #expect(SystemdLogHandler.detectFormat(environment: ["JOURNAL_STREAM": journal.identity], fileDescriptor: other.descriptor) == .plain)
    }

    @Test(arguments: [nil, "", "12", "12:", ":34", "a:b", "1:2:3"] as [String?])
    func absentOrMalformedValuesMeanPlain(value: String?) throws {
        let stream = try streamWithIdentity()
        defer { close(stream.descriptor); close(stream.peer) }
        let environment = value.map { ["JOURNAL_STREAM": $0] } ?? [:]
        #expect(!JournalStream.isConnected(fileDescriptor: stream.descriptor, environment: environment))
    }

    @Test func parsesDeviceAndInode() {
        let parsed = JournalStream.parse("2049:123456")
        #expect(parsed?.device == 2049)
        #expect(parsed?.inode == 123_456)
    }
}
