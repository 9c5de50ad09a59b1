/// An array of `struct epoll_event`, laid out as the kernel expects: packed (12 bytes) on
/// x86-64, naturally aligned (16 bytes) elsewhere.
struct EpollEventBuffer {
    #if arch(x86_64)
    static let stride = 12
    static let dataOffset = 4
    #else
    static let stride = 16
    static let dataOffset = 8
    #endif

    let storage: UnsafeMutableRawPointer
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        storage = .allocate(byteCount: capacity * Self.stride, alignment: 8)
        storage.initializeMemory(as: UInt8.self, repeating: 0, count: capacity * Self.stride)
    }

    func deallocate() {
        storage.deallocate()
    }

    func events(at index: Int) -> UInt32 {
        storage.loadUnaligned(fromByteOffset: index * Self.stride, as: UInt32.self)
    }

    func token(at index: Int) -> UInt64 {
        storage.loadUnaligned(fromByteOffset: index * Self.stride + Self.dataOffset, as: UInt64.self)
    }

}
