import Glibc

/// Thin wrappers over socket options; each failure carries the call and errno.
enum SocketOptions {
    static func setFlag(_ fd: Int32, level: Int32, option: Int32, _ value: Int32, name: String) throws {
        var flag = value
        if setsockopt(fd, level, option, &flag, socklen_t(MemoryLayout<Int32>.size)) != 0 {
            throw HTTPServerError.system("setsockopt(\(name))")
        }
    }

    static func intOption(_ fd: Int32, level: Int32, option: Int32, name: String) throws -> Int32 {
        var value: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        if getsockopt(fd, level, option, &value, &length) != 0 {
            throw HTTPServerError.system("getsockopt(\(name))")
        }
        return value
    }

    /// Responses leave in one write; without this the kernel would still hold small writes back.
    /// Best effort: Unix-domain sockets (socket activation) have no such option.
    static func disableNagle(_ fd: Int32) {
        var flag: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &flag, socklen_t(MemoryLayout<Int32>.size))
    }

    static func makeNonBlockingAndCloseOnExec(_ fd: Int32) throws {
        let flags = fcntl(fd, F_GETFL)
        if flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) != 0 { throw HTTPServerError.system("fcntl(O_NONBLOCK)") }
        let descriptorFlags = fcntl(fd, F_GETFD)
        if descriptorFlags < 0 || fcntl(fd, F_SETFD, descriptorFlags | FD_CLOEXEC) != 0 {
            throw HTTPServerError.system("fcntl(FD_CLOEXEC)")
        }
    }
}
