#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Writes whole log lines to a descriptor (stderr by default), one `write`/`send` per line where the
/// descriptor allows it, and never blocks for long.
///
/// - Lines from different threads never interleave: writes are serialised by a lock.
/// - A stuck reader (journald wedged, a pipe nobody drains) costs at most `stallTimeout` once; after
///   that the writer is "stalled" and drops lines that cannot be written at once, counting them,
///   until a write succeeds again. The first line after a stall is preceded by a notice of how
///   many were dropped.
/// - Sockets (journald's stream) are written with `MSG_DONTWAIT | MSG_NOSIGNAL`, which changes no
///   flag on the descriptor shared with child processes. Pipes are written after `poll` reports
///   room, at most `PIPE_BUF` bytes at a time, which Linux writes atomically and without blocking;
///   a line up to `PIPE_BUF` therefore goes out in one write.
public final class LogLineWriter: Sendable {
    public static let standardError = LogLineWriter(fileDescriptor: STDERR_FILENO)

    public let fileDescriptor: Int32
    public let stallTimeout: Duration
    private let kind: Kind
    private let state = Mutex(State())

    private enum Kind {
        case socket, pipe, other
    }

    private struct State {
        var stalled = false
        /// Part of a line went out before a write gave up: the next write starts a new line first.
        var midLine = false
        var droppedSinceLastWrite = 0
        var droppedTotal = 0
    }

    public init(fileDescriptor: Int32, stallTimeout: Duration = .seconds(1)) {
        self.fileDescriptor = fileDescriptor
        self.stallTimeout = stallTimeout
        var status = stat()
        if fstat(fileDescriptor, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFSOCK: kind = .socket
            case S_IFIFO: kind = .pipe
            default: kind = .other
            }
        } else {
            kind = .other
        }
    }

    /// Lines dropped since the writer was created.
    public var droppedLineCount: Int {
        state.withLock { $0.droppedTotal }
    }

    /// Writes `line` (which should end with a newline). `droppedNotice` formats the line announcing
    /// how many lines a stall dropped; it is written in the same write as `line`.
    /// Returns `false` when the line was dropped.
    @discardableResult
    public func write(_ line: String, droppedNotice: ((Int) -> String)? = nil) -> Bool {
        state.withLock { state in
            var text = line
            if state.droppedSinceLastWrite > 0, let droppedNotice {
                text = droppedNotice(state.droppedSinceLastWrite) + text
            }
            if state.midLine { text = "\n" + text }
            let deadline = state.stalled ? ContinuousClock.now : ContinuousClock.now + stallTimeout
            let result = writeAll(Array(text.utf8), deadline: deadline)
            switch result {
            case .complete:
                state.stalled = false
                state.midLine = false
                state.droppedSinceLastWrite = 0
                return true
            case .gaveUp(let wroteSome):
                state.stalled = true
                state.midLine = state.midLine || wroteSome
                state.droppedSinceLastWrite += 1
                state.droppedTotal += 1
                return false
            }
        }
    }

    private enum WriteResult {
        case complete
        case gaveUp(wroteSome: Bool)
    }

    private func writeAll(_ bytes: [UInt8], deadline: ContinuousClock.Instant) -> WriteResult {
        bytes.withUnsafeBytes { buffer -> WriteResult in
            guard let base = buffer.baseAddress else { return .complete }
            var offset = 0
            while offset < buffer.count {
                let remaining = buffer.count - offset
                let written: Int
                switch kind {
                case .socket:
                    written = send(fileDescriptor, base + offset, remaining, Int32(MSG_DONTWAIT | MSG_NOSIGNAL))
                case .pipe, .other:
                    guard waitWritable(until: deadline) else { return .gaveUp(wroteSome: offset > 0) }
                    let chunk = kind == .pipe ? min(remaining, Int(PIPE_BUF)) : remaining
                    written = Glibc.write(fileDescriptor, base + offset, chunk)
                }
                if written > 0 {
                    offset += written
                    continue
                }
                let error = errno
                if written < 0 && error == EINTR { continue }
                if written < 0 && (error == EAGAIN || error == EWOULDBLOCK) && waitWritable(until: deadline) {
                    continue
                }
                return .gaveUp(wroteSome: offset > 0)
            }
            return .complete
        }
    }

    /// Waits for room to write, until `deadline`; `false` on timeout, a closed reader or an error.
    private func waitWritable(until deadline: ContinuousClock.Instant) -> Bool {
        while true {
            let left = deadline - ContinuousClock.now
            let milliseconds = left <= .zero ? 0 : Int32(min(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000, 60_000))
            var descriptor = pollfd(fd: fileDescriptor, events: Int16(POLLOUT), revents: 0)
            let ready = poll(&descriptor, 1, milliseconds)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { return false }
            return descriptor.revents & Int16(POLLOUT) != 0 && descriptor.revents & Int16(POLLERR | POLLHUP | POLLNVAL) == 0
        }
    }
}
