import Foundation
import Glibc

/// A unix datagram socket bound at a temporary path, standing in for systemd's NOTIFY_SOCKET.
///
/// A thread takes every datagram as it arrives, with the time and its sender's PID (SO_PASSCRED):
/// a daemon under test is a child, and tests of this process's own messages must not mistake a
/// child's (children inherit NOTIFY_SOCKET while it is set) for theirs.
public final class NotifySocketListener: @unchecked Sendable {
    public struct Datagram: Sendable {
        public let time: Date
        public let sender: pid_t
        public let text: String
    }

    public struct ListenerError: Error, CustomStringConvertible {
        public let description: String
    }

    public let path: String
    private let descriptor: Int32
    private let lock = NSLock()
    private var received: [Datagram] = []
    /// How many of this process's own datagrams `receiveOwn` has handed out.
    private var ownTaken = 0
    private var closed = false

    public init() throws {
        path = NSTemporaryDirectory() + "notify-\(getpid())-\(UInt32.random(in: 0 ... .max)).sock"
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw ListenerError(description: "socket: errno \(errno)") }
        var on: Int32 = 1
        guard setsockopt(descriptor, SOL_SOCKET, SO_PASSCRED, &on, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            Glibc.close(descriptor)
            throw ListenerError(description: "SO_PASSCRED: errno \(errno)")
        }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            Glibc.close(descriptor)
            throw ListenerError(description: "socket path too long: \(path)")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0 else {
            Glibc.close(descriptor)
            throw ListenerError(description: "bind \(path): errno \(errno)")
        }
        // Weak: the listener goes (and closes) when the test lets go of it.
        Thread.detachNewThread { [weak self] in
            while let listener = self, listener.receiveForAWhile() {}
        }
    }

    deinit { close() }

    /// Stops receiving and removes the socket; idempotent.
    public func close() {
        let first = lock.withLock { () -> Bool in
            defer { closed = true }
            return !closed
        }
        guard first else { return }
        usleep(150_000) // the receiving thread polls at most 100 ms before it sees `closed`
        Glibc.close(descriptor)
        unlink(path)
    }

    /// Every datagram so far, from any sender, in arrival order.
    public var datagrams: [Datagram] { lock.withLock { takePending(); return received } }
    public var messages: [String] { datagrams.map(\.text) }
    public var timedMessages: [(Date, String)] { datagrams.map { ($0.time, $0.text) } }
    /// Each message's assignments flattened, e.g. ["READY=1", "STATUS=…", "WATCHDOG=1"].
    public var assignments: [String] { messages.flatMap { $0.split(separator: "\n").map(String.init) } }

    /// The next datagram sent by this process not handed out yet, or `nil` when none arrives
    /// within `timeout`.
    public func receiveOwn(timeout: Duration = .seconds(5)) -> String? {
        let deadline = ContinuousClock.now + timeout
        repeat {
            if let next = lock.withLock({ () -> String? in
                takePending()
                let own = received.filter { $0.sender == getpid() }
                guard own.count > ownTaken else { return nil }
                ownTaken += 1
                return own[ownTaken - 1].text
            }) { return next }
            usleep(10_000)
        } while ContinuousClock.now < deadline
        return nil
    }

    /// Waits up to 100 ms for datagrams and takes them; `false` once closed.
    private func receiveForAWhile() -> Bool {
        var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard !lock.withLock({ closed }), poll(&waiting, 1, 100) >= 0 || errno == EINTR else { return false }
        lock.withLock { takePending() }
        return true
    }

    /// Takes every datagram queued on the socket (a unix datagram is queued by the time its
    /// `send` returns, so a caller sees everything sent before it asked). Call with `lock` held.
    private func takePending() {
        guard !closed else { return }
        while let datagram = receiveNow() { received.append(datagram) }
    }

    private func receiveNow() -> Datagram? {
        var data = [UInt8](repeating: 0, count: 4096)
        // Room for one SCM_CREDENTIALS control message: a cmsghdr and a ucred, 8-byte aligned.
        var control = [UInt64](repeating: 0, count: 8)
        let count = data.withUnsafeMutableBytes { dataBuffer in
            control.withUnsafeMutableBytes { controlBuffer in
                var vector = iovec(iov_base: dataBuffer.baseAddress, iov_len: dataBuffer.count)
                return withUnsafeMutablePointer(to: &vector) { vectorPointer in
                    var message = msghdr()
                    message.msg_iov = vectorPointer
                    message.msg_iovlen = 1
                    message.msg_control = controlBuffer.baseAddress
                    message.msg_controllen = controlBuffer.count
                    return recvmsg(descriptor, &message, Int32(MSG_DONTWAIT))
                }
            }
        }
        guard count >= 0 else { return nil }
        return Datagram(time: Date(), sender: Self.senderPID(control), text: String(decoding: data[0 ..< count], as: UTF8.self))
    }

    /// The PID in the SCM_CREDENTIALS control message: cmsghdr is { size_t len; int level; int type },
    /// 16 bytes on 64-bit Linux, followed by struct ucred { pid_t pid; uid_t uid; gid_t gid }.
    private static func senderPID(_ control: [UInt64]) -> pid_t {
        control.withUnsafeBytes { raw in
            let length = raw.load(fromByteOffset: 0, as: Int.self)
            let level = raw.load(fromByteOffset: 8, as: Int32.self)
            let type = raw.load(fromByteOffset: 12, as: Int32.self)
            guard length >= 16 + 12, level == SOL_SOCKET, type == 2 /* SCM_CREDENTIALS */ else { return -1 }
            return raw.load(fromByteOffset: 16, as: pid_t.self)
        }
    }
}
