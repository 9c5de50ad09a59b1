import Foundation
import Glibc

/// A unix datagram socket bound at a temporary path, standing in for systemd's NOTIFY_SOCKET.
///
/// It receives with SO_PASSCRED so each datagram carries its sender's PID: other tests in this
/// process may spawn children that inherit NOTIFY_SOCKET while it is set, and their datagrams must
/// not be mistaken for ours.
final class NotifySocketListener {
    let path: String
    private let descriptor: Int32

    struct ListenerError: Error, CustomStringConvertible {
        let description: String
    }

    init() throws {
        path = NSTemporaryDirectory() + "sdk-notify-\(getpid())-\(UInt32.random(in: 0 ... .max)).sock"
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw ListenerError(description: "socket: errno \(errno)") }
        var on: Int32 = 1
        guard setsockopt(descriptor, SOL_SOCKET, SO_PASSCRED, &on, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            close(descriptor)
            throw ListenerError(description: "SO_PASSCRED: errno \(errno)")
        }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            close(descriptor)
            throw ListenerError(description: "socket path too long: \(path)")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0 else {
            close(descriptor)
            throw ListenerError(description: "bind \(path): errno \(errno)")
        }
    }

    deinit {
        close(descriptor)
        unlink(path)
    }

    /// The next datagram sent by this process, or `nil` when none arrives within `timeout`.
    func receiveOwn(timeout: Duration = .seconds(5)) -> String? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            guard let (pid, text) = receive(until: deadline) else { return nil }
            if pid == getpid() { return text }
        }
        return nil
    }

    /// Datagrams from this process already queued, without waiting.
    func drainOwn() -> [String] {
        var result: [String] = []
        while let (pid, text) = receive(until: ContinuousClock.now) {
            if pid == getpid() { result.append(text) }
        }
        return result
    }

    private func receive(until deadline: ContinuousClock.Instant) -> (pid: pid_t, text: String)? {
        let left = deadline - ContinuousClock.now
        let milliseconds = max(0, Int32(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
        var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&waiting, 1, milliseconds) > 0 else { return nil }

        var data = [UInt8](repeating: 0, count: 4096)
        // Room for one SCM_CREDENTIALS control message: a cmsghdr and a ucred, 8-byte aligned.
        var control = [UInt64](repeating: 0, count: 8)
        let received = data.withUnsafeMutableBytes { dataBuffer in
            control.withUnsafeMutableBytes { controlBuffer in
                var vector = iovec(iov_base: dataBuffer.baseAddress, iov_len: dataBuffer.count)
                return withUnsafeMutablePointer(to: &vector) { vectorPointer in
                    var message = msghdr()
                    message.msg_iov = vectorPointer
                    message.msg_iovlen = 1
                    message.msg_control = controlBuffer.baseAddress
                    message.msg_controllen = controlBuffer.count
                    return recvmsg(descriptor, &message, 0)
                }
            }
        }
        guard received >= 0 else { return nil }
        let text = String(decoding: data[0 ..< received], as: UTF8.self)
        return (Self.senderPID(control), text)
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
