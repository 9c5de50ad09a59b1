import Glibc

/// An open, read-only log file. Reads go by explicit offset (`pread`), so the follower's offset is
/// the only cursor and a rename or truncation of the path cannot move it.
final class LogFileHandle {
    let path: String
    let identity: LogFileIdentity
    private var descriptor: Int32

    private init(path: String, descriptor: Int32, identity: LogFileIdentity) {
        self.path = path; self.descriptor = descriptor; self.identity = identity
    }

    deinit { close() }

    static func open(_ path: String) throws(LogFileError) -> LogFileHandle {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .openFailed(path: path, errno: errno) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let code = errno
            Glibc.close(descriptor)
            throw .statFailed(path: path, errno: code)
        }
        return LogFileHandle(path: path, descriptor: descriptor, identity: Self.identity(of: info))
    }

    /// The identity and size of whatever `path` names now; nil when nothing does.
    static func status(of path: String) -> (identity: LogFileIdentity, size: Int)? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return (identity(of: info), Int(info.st_size))
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    func size() throws(LogFileError) -> Int {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .statFailed(path: path, errno: errno) }
        return Int(info.st_size)
    }

    /// Reads up to `buffer.count` bytes at `offset`; 0 at the end of the file.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(LogFileError) -> Int {
        while true {
            let count = pread(descriptor, buffer.baseAddress, buffer.count, off_t(offset))
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw .readFailed(path: path, errno: errno)
        }
    }

    /// Reads sequentially from the current position (for whole-file scans); 0 at the end.
    func readNext(into buffer: UnsafeMutableRawBufferPointer) throws(LogFileError) -> Int {
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw .readFailed(path: path, errno: errno)
        }
    }

    /// Tells the kernel the file will be read once, front to back.
    func adviseSequential() {
        _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_SEQUENTIAL)
    }

    func close() {
        if descriptor >= 0 {
            Glibc.close(descriptor)
            descriptor = -1
        }
    }

    private static func identity(of info: stat) -> LogFileIdentity {
        LogFileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}
