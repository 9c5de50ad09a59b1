import Glibc

/// One epoll instance. Glibc's Swift module map leaves out `<sys/epoll.h>`, so the three calls
/// are resolved once with `dlsym` and called through `@convention(c)` pointers, which is the
/// plain C ABI. (A C shim declaring them would do the same; this keeps RawHTTP self-contained.)
struct Epoll {
    let descriptor: Int32

    enum Event {
        static let input: UInt32 = 0x001
        static let output: UInt32 = 0x004
        static let error: UInt32 = 0x008
        static let hangUp: UInt32 = 0x010
    }

    static func create() throws -> Epoll {
        guard let calls = EpollCalls.shared else {
            throw HTTPServerError.usage("epoll", "the C library does not provide epoll_create1/epoll_ctl/epoll_wait")
        }
        let fd = calls.create(O_CLOEXEC)
        guard fd >= 0 else { throw HTTPServerError.system("epoll_create1") }
        return Epoll(descriptor: fd)
    }

    /// Registers `fd`, level-triggered, with `token` handed back in its events.
    func add(_ fd: Int32, events: UInt32, token: UInt64) -> Bool {
        control(1, fd, events: events, token: token)
    }

    func modify(_ fd: Int32, events: UInt32, token: UInt64) -> Bool {
        control(3, fd, events: events, token: token)
    }

    @discardableResult
    func remove(_ fd: Int32) -> Bool {
        control(2, fd, events: 0, token: 0)
    }

    /// Collects ready events without blocking; returns how many (0 on EINTR).
    func poll(into buffer: EpollEventBuffer) -> Int {
        guard let calls = EpollCalls.shared else { return 0 }
        let count = calls.wait(descriptor, buffer.storage, Int32(buffer.capacity), 0)
        return max(0, Int(count))
    }

    private func control(_ operation: Int32, _ fd: Int32, events: UInt32, token: UInt64) -> Bool {
        guard let calls = EpollCalls.shared else { return false }
        return withUnsafeTemporaryAllocation(byteCount: EpollEventBuffer.stride, alignment: 8) { raw in
            let event = raw.baseAddress!
            event.storeBytes(of: events, toByteOffset: 0, as: UInt32.self)
            event.storeBytes(of: token, toByteOffset: EpollEventBuffer.dataOffset, as: UInt64.self)
            return calls.control(descriptor, operation, fd, event) == 0
        }
    }
}

/// The resolved function pointers; immutable after the first lookup.
private struct EpollCalls: @unchecked Sendable {
    typealias Create = @convention(c) (Int32) -> Int32
    typealias Control = @convention(c) (Int32, Int32, Int32, UnsafeMutableRawPointer?) -> Int32
    typealias Wait = @convention(c) (Int32, UnsafeMutableRawPointer?, Int32, Int32) -> Int32

    let create: Create
    let control: Control
    let wait: Wait

    static let shared: EpollCalls? = {
        guard let library = dlopen(nil, RTLD_NOW),
              let create = dlsym(library, "epoll_create1"),
              let control = dlsym(library, "epoll_ctl"),
              let wait = dlsym(library, "epoll_wait") else { return nil }
        return EpollCalls(
            create: unsafeBitCast(create, to: Create.self),
            control: unsafeBitCast(control, to: Control.self),
            wait: unsafeBitCast(wait, to: Wait.self))
    }()
}
