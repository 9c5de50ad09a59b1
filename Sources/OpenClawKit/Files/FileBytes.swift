import Glibc

/// Reads a whole (small) file with a size cap, reporting errno in words.
enum FileBytes {
    enum Failure: Error, Equatable {
        case missing
        case unreadable(String)
        case tooLarge(Int)
    }

    static func read(_ path: String, cap: Int = 64 << 20) -> Result<[UInt8], Failure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            return .failure(errno == ENOENT ? .missing : .unreadable(String(cString: strerror(errno))))
        }
        defer { close(fd) }
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
