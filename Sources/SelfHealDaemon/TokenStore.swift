import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The bearer token that guards mutating endpoints: read from `server.tokenFile`, created with mode
/// 0600 and 32 random bytes (hex) when missing.
public struct TokenStore: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    public enum Failure: Error, CustomStringConvertible, Equatable {
        case unreadable(path: String, reason: String)
        case empty(path: String)
        case tooOpen(path: String, mode: Int)
        case cannotCreate(path: String, reason: String)

        public var description: String {
            switch self {
            case .unreadable(let path, let reason): return "token file \(path): cannot read: \(reason)"
            case .empty(let path): return "token file \(path): is empty"
            case .tooOpen(let path, let mode):
                return "token file \(path): mode \(String(mode, radix: 8)) lets others read it; chmod 600 it"
            case .cannotCreate(let path, let reason): return "token file \(path): cannot create: \(reason)"
            }
        }
    }

    /// Returns the token, creating the file when it does not exist.
    public func loadOrCreate() throws -> String {
        if FileManager.default.fileExists(atPath: path) { return try load() }
        return try create()
    }

    /// Reads an existing token; a file readable by group or others is refused.
    public func load() throws -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw Failure.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        let mode = Int(info.st_mode) & 0o777
        if mode & 0o077 != 0 { throw Failure.tooOpen(path: path, mode: mode) }
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8) else {
            throw Failure.unreadable(path: path, reason: "not UTF-8 text")
        }
        let token = text.trimming(.whitespacesAndNewlines)
        if token.isEmpty { throw Failure.empty(path: path) }
        return token
    }

    private func create() throws -> String {
        let directory = path.deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw Failure.cannotCreate(path: path, reason: "\(error.plainDescription)")
        }
        var generator = SystemRandomNumberGenerator()
        let token = (0..<32).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
        // O_EXCL: two starting daemons must not overwrite each other's token.
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd < 0 {
            if errno == EEXIST { return try load() }
            throw Failure.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        let bytes = Array((token + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(fd) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(path)
            throw Failure.cannotCreate(path: path, reason: reason)
        }
        return token
    }
}
