import FoundationEssentials
import Glibc
import HealCore

/// Reads and atomically replaces the follower's position file (a small JSON document).
struct LogPositionStore: Sendable {
    let path: String

    /// The saved position; nil when none was saved yet.
    func load() throws(LogFileError) -> LogPosition? {
        removeLeftovers()
        guard let data = try readSmallFile() else { return nil }
        let position: LogPosition
        do {
            position = try JSONDecoder.positionDecoder.decode(LogPosition.self, from: data)
        } catch {
            throw .malformedPosition(path: path, detail: String(describing: error))
        }
        guard position.version == LogPosition.currentVersion else {
            throw .malformedPosition(path: path, detail: "unsupported version \(position.version)")
        }
        guard position.offset >= 0, !position.path.isEmpty else {
            throw .malformedPosition(path: path, detail: "negative offset or empty path")
        }
        return position
    }

    /// The file's bytes (nil when it does not exist); a position file is tiny, so anything over
    /// 64 KiB is not one.
    private func readSmallFile() throws(LogFileError) -> Data? {
        let limit = 64 * 1024
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            if errno == ENOENT { return nil }
            throw .openFailed(path: path, errno: errno)
        }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: limit + 1)
        var total = 0
        while total < bytes.count {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + total, $0.count - total) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .readFailed(path: path, errno: errno)
            }
            if count == 0 { break }
            total += count
        }
        guard total <= limit else { throw .malformedPosition(path: path, detail: "larger than \(limit) bytes") }
        return Data(bytes[0..<total])
    }

    /// Replaces the file through the house's one atomic writer (`AtomicFile`: a temporary file
    /// fsync'd, renamed over the target, the directory fsync'd; mode 0600), so a crash leaves the
    /// old position or the new one, never a torn file. The directory is the state's and exists; a
    /// missing one is an error, not created here.
    func save(_ position: LogPosition) throws(LogFileError) {
        let data: Data
        do {
            data = try JSONEncoder.positionEncoder.encode(position)
        } catch {
            throw .malformedPosition(path: path, detail: "cannot encode: \(error)")
        }
        do {
            try AtomicFile.write(data, to: path, mode: 0o600, createDirectory: false)
        } catch {
            let code = error.errno ?? EIO
            switch error.operation {
            case "create": throw .openFailed(path: error.path, errno: code)
            case let op where op.hasPrefix("rename"): throw .renameFailed(path: path, errno: code)
            default: throw .writeFailed(path: error.path, errno: code)
            }
        }
    }

    /// Removes temporary files of an earlier save cut short by a crash.
    func removeLeftovers() { AtomicFile.removeLeftovers(of: path) }
}

private extension JSONDecoder {
    static var positionDecoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

private extension JSONEncoder {
    static var positionEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
