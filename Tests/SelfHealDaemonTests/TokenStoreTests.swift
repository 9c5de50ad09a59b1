import Foundation
import Testing
@testable import SelfHealDaemon

struct TokenStoreTests {
    func temporaryPath(_ name: String) -> String {
        let dir = NSTemporaryDirectory() + "tokenstore-\(UUID().uuidString)"
        return dir + "/" + name
    }

    @Test func createsA0600TokenOnceAndReadsItBack() throws {
        let path = temporaryPath("sub/self-heal.token")
        let store = TokenStore(path: path)
        let token = try store.loadOrCreate()
        #expect(token.count == 64)
        #expect(token.allSatisfy { $0.isHexDigit })
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try store.loadOrCreate() == token)
    }

    @Test func refusesAWorldReadableToken() throws {
        let path = temporaryPath("t.token")
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: path, contents: Data("abc\n".utf8),
                                       attributes: [.posixPermissions: 0o644])
        #expect(throws: TokenStore.Failure.tooOpen(path: path, mode: 0o644)) { try TokenStore(path: path).load() }
    }

    @Test func refusesAnEmptyToken() throws {
        let path = temporaryPath("t.token")
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: path, contents: Data(" \n".utf8),
                                       attributes: [.posixPermissions: 0o600])
        #expect(throws: TokenStore.Failure.empty(path: path)) { try TokenStore(path: path).load() }
    }
}
