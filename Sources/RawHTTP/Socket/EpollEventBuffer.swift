import CSocketShim

/// An array of `struct epoll_event` owned by one event loop; the shim knows its layout (packed on
/// x86-64, aligned elsewhere), so nothing here assumes it.
struct EpollEventBuffer {
    let storage: UnsafeMutableRawPointer
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        guard let memory = cshim_epoll_events_alloc(Int32(capacity)) else {
            fatalError("cannot allocate \(capacity) epoll events")
        }
        storage = memory
    }

    func deallocate() {
        cshim_epoll_events_free(storage)
    }

    func events(at index: Int) -> UInt32 {
        cshim_epoll_event_flags(storage, Int32(index))
    }

    func token(at index: Int) -> UInt64 {
        cshim_epoll_event_token(storage, Int32(index))
    }
}
