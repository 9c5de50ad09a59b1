import Glibc

/// glibc functions the Swift `Glibc` module does not declare (they sit behind `_GNU_SOURCE`), looked
/// up once at run time. Both exist since glibc 2.34 (Debian 12 ships 2.36); when one is missing the
/// runner falls back to `pipe` + `FD_CLOEXEC` and to closing only its own pipe ends in the child.
enum LibcExtras {
    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    private static func symbol(_ name: String) -> UnsafeMutableRawPointer? {
        // RTLD_DEFAULT (a null handle) searches the global scope, where libc lives.
        dlsym(nil, name)
    }

    /// Creates a pipe whose two ends are close-on-exec from birth, so a `fork`/`exec` elsewhere in the
    /// process cannot inherit them between `pipe` and `fcntl`.
    static func makeCloexecPipe() -> (read: Int32, write: Int32)? {
        var fds: [Int32] = [-1, -1]
        if let raw = symbol("pipe2") {
            let pipe2 = unsafeBitCast(raw, to: Pipe2.self)
            guard pipe2(&fds, O_CLOEXEC) == 0 else { return nil }
        } else {
            guard pipe(&fds) == 0 else { return nil }
            _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        }
        return (fds[0], fds[1])
    }

    /// Asks the spawned child to close every descriptor from `lowest` up before `exec`, so nothing the
    /// daemon holds open (sockets, state files) leaks into `openclaw` whatever its CLOEXEC flags are.
    /// Returns false when glibc lacks the call.
    static func addCloseFrom(_ actions: inout posix_spawn_file_actions_t, lowest: Int32) -> Bool {
        guard let raw = symbol("posix_spawn_file_actions_addclosefrom_np") else { return false }
        let addCloseFrom = unsafeBitCast(raw, to: AddCloseFrom.self)
        return addCloseFrom(&actions, lowest) == 0
    }

    static func setNonBlocking(_ fd: Int32) {
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK) }
    }
}
