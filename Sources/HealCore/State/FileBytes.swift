import Glibc

/// Reads a whole (small) file with a size cap, or the end of a large one, reporting errno in words.
public enum FileBytes {
    public enum Failure: Error, Equatable {
        case missing
        case unreadable(String)
        case tooLarge(Int)
    }

    public static func read(_ path: String, cap: Int = 64 << 20) -> Result<[UInt8], Failure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(openFailure()) }
        defer { close(fd) }
        return readToEnd(fd, cap: cap)
    }

    /// The last `limit` bytes (the whole file if it is shorter).
    public static func tail(_ path: String, limit: Int) -> Result<[UInt8], Failure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(openFailure()) }
        defer { close(fd) }
        let size = lseek(fd, 0, SEEK_END)
        guard size >= 0, lseek(fd, max(0, size - off_t(limit)), SEEK_SET) >= 0 else {
            return .failure(.unreadable(String(cString: strerror(errno))))
        }
        return readToEnd(fd, cap: limit)
    }

    private static func openFailure() -> Failure {
        errno == ENOENT ? .missing : .unreadable(String(cString: strerror(errno)))
    }

    private static func readToEnd(_ fd: Int32, cap: Int) -> Result<[UInt8], Failure> {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count == 0 { return .success(bytes) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(String(cString: strerror(errno))))
            }
            bytes.append(contentsOf: chunk.prefix(count))
            if bytes.count > cap { return .failure(.tooLarge(cap)) }
        }
    }
}
