import Foundation
import Testing
@testable import OpenClawKit
import TestSupport

@Suite struct LogPositionStoreTests {
    @Test func savesAndLoadsAPosition() throws {
        let fixture = LogDirectoryFixture()
        let store = LogPositionStore(path: fixture.root + "/self-heal-logpos.json")
        #expect(try store.load() == nil)
        let position = LogPosition(path: "/tmp/openclaw/openclaw-2026-08-22.log",
                                   identity: LogFileIdentity(device: 2049, inode: 1234), offset: 4096,
                                   savedAt: Date(timeIntervalSince1970: 1_787_400_000))
        try store.save(position)
        #expect(try store.load() == position)
        // Only the target is left: the temporary file was renamed over it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.root).sorted() == ["logs", "self-heal-logpos.json"])
    }

    @Test(arguments: [
        ("{", "malformed log position file"),
        (#"{"version":2,"path":"/x","identity":{"device":1,"inode":2},"offset":0,"savedAt":"2026-08-22T10:00:00Z"}"#, "unsupported version 2"),
        (#"{"version":1,"path":"/x","identity":{"device":1,"inode":2},"offset":-5,"savedAt":"2026-08-22T10:00:00Z"}"#, "negative offset"),
    ])
    func malformedFilesAreTypedErrors(content: String, message: String) throws {
        let fixture = LogDirectoryFixture()
        let path = fixture.root + "/pos.json"
        try Data(content.utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            try LogPositionStore(path: path).load()
        } throws: { error in
            guard case .malformedPosition(let errorPath, _) = error as? LogFileError else { return false }
            return errorPath == path && String(describing: error).contains(message)
        }
    }

    @Test func unwritableDirectoryIsATypedError() {
        let store = LogPositionStore(path: "/nonexistent-dir-for-test/pos.json")
        let position = LogPosition(path: "/x", identity: LogFileIdentity(device: 1, inode: 2), offset: 0, savedAt: Date())
        // The temporary file next to the target cannot be created (the one atomic writer names it).
        #expect {
            try store.save(position)
        } throws: { error in
            guard case .openFailed(let path, let code) = error as? LogFileError else { return false }
            return path.hasPrefix("/nonexistent-dir-for-test/.pos.json.tmp-\(getpid())-") && code == ENOENT
        }
        #expect(!FileManager.default.fileExists(atPath: "/nonexistent-dir-for-test"), "the directory is not created")
    }

    @Test func savesAreOwnerOnlyAndLeaveNoTemporaryFile() throws {
        let dir = NSTemporaryDirectory() + "logpos-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = LogPositionStore(path: dir + "/pos.json")
        // A temporary file an earlier save left behind when it was killed.
        try Data("{".utf8).write(to: URL(fileURLWithPath: dir + "/.pos.json.tmp-1-2"))
        #expect(try store.load() == nil)
        let position = LogPosition(path: "/x", identity: LogFileIdentity(device: 1, inode: 2), offset: 7, savedAt: Date())
        try store.save(position)
        let mode = try FileManager.default.attributesOfItem(atPath: dir + "/pos.json")[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["pos.json"])
        #expect(try store.load()?.offset == 7)
    }
}
