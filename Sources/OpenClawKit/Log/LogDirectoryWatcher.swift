import Dispatch
import Glibc

/// Wakes the follower when something happens in a directory, through inotify: a file created,
/// written, renamed in or out, or the directory itself removed.
///
/// The events only say *that* something changed; the follower then looks at the files itself, so a
/// lost or coalesced event (queue overflow) costs nothing but the wait for the safety poll.
final class LogDirectoryWatcher {
    enum Change: Sendable, Equatable {
        /// Something happened to a file in the directory.
        case contents
        /// The watch ended: the directory was removed, renamed or unmounted.
        case watchEnded
    }

    let directory: String
    private let source: DispatchSourceRead

    static let fileEvents = UInt32(IN_CREATE) | UInt32(IN_MODIFY) | UInt32(IN_MOVED_FROM) | UInt32(IN_MOVED_TO)
    static let selfEvents = UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)
    private static let endedEvents = UInt32(IN_IGNORED) | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF) | UInt32(IN_UNMOUNT)

    /// Watches `directory` for `mask` (file and self events by default). `namePrefix` limits file
    /// events to names starting with it (other files in the directory do not wake the follower).
    init(directory: String, mask: UInt32 = fileEvents | selfEvents, namePrefix: String, queue: DispatchQueue,
         onChange: @escaping @Sendable (Change) -> Void) throws(LogFileError) {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { throw .watchFailed(path: directory, errno: errno) }
        guard inotify_add_watch(descriptor, directory, mask) >= 0 else {
            let code = errno
            Glibc.close(descriptor)
            throw .watchFailed(path: directory, errno: code)
        }
        self.directory = directory
        source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
        let prefix = Array(namePrefix.utf8)
        source.setEventHandler {
            if let change = Self.readEvents(descriptor, namePrefix: prefix) { onChange(change) }
        }
        source.setCancelHandler { Glibc.close(descriptor) }
        source.resume()
    }

    deinit { cancel() }

    func cancel() {
        if !source.isCancelled { source.cancel() }
    }

    /// Reads every queued event; returns the most important change among them, nil when none
    /// concerns the follower.
    private static func readEvents(_ descriptor: Int32, namePrefix: [UInt8]) -> Change? {
        let capacity = 16 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: MemoryLayout<inotify_event>.alignment)
        defer { buffer.deallocate() }
        var change: Change?
        while true {
            let count = read(descriptor, buffer, capacity)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }  // EAGAIN: drained
            var position = 0
            let header = MemoryLayout<inotify_event>.size
            while position + header <= count {
                let event = buffer.load(fromByteOffset: position, as: inotify_event.self)
                let nameLength = Int(event.len)
                if event.mask & endedEvents != 0 {
                    change = .watchEnded
                } else if change == nil {
                    if event.mask & UInt32(IN_Q_OVERFLOW) != 0 || nameLength == 0 {
                        change = .contents
                    } else if matches(prefix: namePrefix, name: buffer + position + header, length: nameLength) {
                        change = .contents
                    }
                }
                position += header + nameLength
            }
        }
        return change
    }

    private static func matches(prefix: [UInt8], name: UnsafeMutableRawPointer, length: Int) -> Bool {
        guard !prefix.isEmpty else { return true }
        guard prefix.count <= length else { return false }
        return prefix.withUnsafeBytes { memcmp(name, $0.baseAddress!, prefix.count) == 0 }
    }
}
