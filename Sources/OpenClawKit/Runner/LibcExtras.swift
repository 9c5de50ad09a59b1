import CSocketShim
import Glibc

/// The glibc calls the Swift `Glibc` module does not declare (they sit behind `_GNU_SOURCE`),
/// through CSocketShim.
enum LibcExtras {
    /// Creates a pipe whose two ends are close-on-exec from birth, so a `fork`/`exec` elsewhere in the
    /// process cannot inherit them between `pipe` and `fcntl`.
    static func makeCloexecPipe() -> (read: Int32, write: Int32)? {
        var fds: [Int32] = [-1, -1]
        guard cshim_pipe_cloexec(&fds) == 0 else { return nil }
        return (fds[0], fds[1])
    }

    /// Asks the spawned child to close every descriptor from `lowest` up before `exec`, so nothing the
    /// daemon holds open (sockets, state files) leaks into `openclaw` whatever its CLOEXEC flags are.
    static func addCloseFrom(_ actions: inout posix_spawn_file_actions_t, lowest: Int32) -> Bool {
        cshim_spawn_add_closefrom(&actions, lowest) == 0
    }

    static func setNonBlocking(_ fd: Int32) {
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK) }
    }
}
