import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A unix datagram socket bound at a temp path, standing in for systemd's NOTIFY_SOCKET: collects
/// every message the daemon sends, in order.
final class NotifyListener: @unchecked Sendable {
    let path: String
    private let fd: Int32
    private let lock = NSLock()
    private var received: [(Date, String)] = []
    private var thread: Thread?
    private var stopped = false

    init() throws {
        path = NSTemporaryDirectory() + "notify-\(UUID().uuidString.prefix(8)).sock"
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw DaemonProcess.Failure("socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            let bytes = Array(path.utf8)
            for (index, byte) in bytes.enumerated() where index < raw.count - 1 { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0 else { throw DaemonProcess.Failure("bind \(path): \(String(cString: strerror(errno)))") }
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let thread = Thread { [weak self] in self?.receiveLoop() }
        self.thread = thread
        thread.start()
    }

    private func receiveLoop() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            lock.lock(); let done = stopped; lock.unlock()
            if done { return }
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { continue }
            let message = String(decoding: buffer[0..<count], as: UTF8.self)
            lock.lock(); received.append((Date(), message)); lock.unlock()
        }
    }

    var messages: [String] { lock.lock(); defer { lock.unlock() }; return received.map(\.1) }
    var timedMessages: [(Date, String)] { lock.lock(); defer { lock.unlock() }; return received }

    /// Each message's assignments flattened, e.g. ["READY=1", "STATUS=…", "WATCHDOG=1"].
    var assignments: [String] { messages.flatMap { $0.split(separator: "\n").map(String.init) } }

    func close() {
        lock.lock(); stopped = true; lock.unlock()
        usleep(250_000)
        Glibc.close(fd)
        unlink(path)
    }
}
