import CSocketShim
import Glibc

/// One epoll instance (through CSocketShim: Glibc's Swift module has no `<sys/epoll.h>`).
struct Epoll {
    let descriptor: Int32

    enum Event {
        static let input: UInt32 = 0x001
        static let output: UInt32 = 0x004
        static let error: UInt32 = 0x008
        static let hangUp: UInt32 = 0x010
    }

    static func create() throws -> Epoll {
        let fd = cshim_epoll_create_cloexec()
        guard fd >= 0 else { throw HTTPServerError.system("epoll_create1") }
        return Epoll(descriptor: fd)
    }

    /// Registers `fd`, level-triggered, with `token` handed back in its events.
    func add(_ fd: Int32, events: UInt32, token: UInt64) -> Bool {
        cshim_epoll_ctl(descriptor, 1, fd, events, token) == 0
    }

    func modify(_ fd: Int32, events: UInt32, token: UInt64) -> Bool {
        cshim_epoll_ctl(descriptor, 3, fd, events, token) == 0
    }

    @discardableResult
    func remove(_ fd: Int32) -> Bool {
        cshim_epoll_ctl(descriptor, 2, fd, 0, 0) == 0
    }

    /// Collects ready events without blocking; returns how many (0 on EINTR).
    func poll(into buffer: EpollEventBuffer) -> Int {
        max(0, Int(cshim_epoll_wait(descriptor, buffer.storage, Int32(buffer.capacity), 0)))
    }
}
