import Glibc

/// Watches one spawned child to its end: drains both pipes, enforces the deadline on the whole
/// process group, and reaps the child.
///
/// Why a polling loop on a dedicated thread: the runner must not park a Swift-concurrency or Dispatch
/// thread for a command's whole life, and it must not install a SIGCHLD handler (the daemon owns
/// signal handling, and other code may spawn children too). So each command gets one plain thread
/// (at most `maxConcurrent` exist) that `poll`s the two pipes with a short timeout and checks the
/// child with `waitpid(WNOHANG)` between polls. The poll timeout backs off from 1 ms to 25 ms while
/// nothing happens, so a quick command is seen to end within a few milliseconds and a long one costs
/// about 40 wake-ups a second.
struct ChildSupervisor {
    struct Outcome {
        var exitCode: Int32?
        var signal: Int32?
        var stdout: OutputBuffer
        var stderr: OutputBuffer
        var timedOut: Bool
        var note: String?
    }

    let process: SpawnedProcess
    let timeoutNs: UInt64
    let killGraceNs: UInt64
    let outputCap: Int
    let isCancelled: @Sendable () -> Bool

    /// After the child exits on its own, how long to keep reading for the last bytes a grandchild
    /// that inherited the pipes might still hold. It is not killed: it was not timed out.
    static let lingerNs: UInt64 = 250_000_000
    /// After SIGKILL, how long to wait for the kernel to finish the child before giving up on it.
    static let reapAfterKillNs: UInt64 = 5_000_000_000

    func run() -> Outcome {
        var stdout = OutputBuffer(cap: outputCap)
        var stderr = OutputBuffer(cap: outputCap)
        var outFD: Int32? = process.stdoutFD
        var errFD: Int32? = process.stderrFD
        let pgid = process.pid
        let start = MonotonicTime.nowNs()
        let deadline = start &+ timeoutNs

        var status: Int32?           // raw wait status once reaped
        var timedOut = false
        var termSentAt: UInt64?
        var killSentAt: UInt64?
        var groupGone = false
        var lingerUntil: UInt64?
        var note: String?
        var idleBackoffMs: Int32 = 1

        while true {
            let now = MonotonicTime.nowNs()

            // A child that already exited on its own is not "timed out", whatever it left behind.
            if !timedOut, status == nil, now >= deadline || isCancelled() {
                timedOut = true
                termSentAt = now
                _ = kill(-pgid, SIGTERM)
            }
            if timedOut, killSentAt == nil, !groupGone, let sent = termSentAt, now >= sent &+ killGraceNs {
                killSentAt = now
                _ = kill(-pgid, SIGKILL)
            }

            if status == nil {
                var raw: Int32 = 0
                let reaped = waitpid(process.pid, &raw, WNOHANG)
                if reaped == process.pid {
                    status = raw
                    if !timedOut { lingerUntil = now &+ Self.lingerNs }
                } else if reaped < 0 && errno != EINTR {
                    // ECHILD: someone else reaped it (a stray waitpid(-1)); nothing more to learn.
                    note = "child \(process.pid) was reaped elsewhere"
                    status = -1
                    lingerUntil = now
                }
            }

            // After a timeout, the group (grandchildren included) must be gone before we finish.
            // The reaped leader's pid stays reserved as the pgid while any member lives, so the
            // group cannot be confused with a new one while we check it.
            if timedOut, status != nil, !groupGone {
                groupGone = !ProcessGroupProbe.hasLiveMembers(pgid)
            }

            let finishedTimeout = timedOut && status != nil && groupGone
            let finishedNormally = !timedOut && status != nil
                && ((outFD == nil && errFD == nil) || now >= (lingerUntil ?? now))
            if finishedTimeout || finishedNormally { break }
            if timedOut, let killed = killSentAt, now >= killed &+ Self.reapAfterKillNs {
                note = "process group \(pgid) still present \(Self.reapAfterKillNs / 1_000_000_000) s after SIGKILL"
                break
            }

            // Sleep in poll until output arrives or the next thing to check is due.
            var wakeAt = now &+ UInt64(idleBackoffMs) * 1_000_000
            if !timedOut { wakeAt = min(wakeAt, deadline) }
            if let sent = termSentAt, killSentAt == nil { wakeAt = min(wakeAt, sent &+ killGraceNs) }
            if let linger = lingerUntil { wakeAt = min(wakeAt, linger) }
            let waitMs = Int32(clamping: (wakeAt > now ? wakeAt - now : 0) / 1_000_000)

            var fds: [pollfd] = []
            if let fd = outFD { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
            if let fd = errFD { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
            let ready = fds.isEmpty ? (waitMs > 0 ? Int32(usleep(UInt32(waitMs) * 1000)) : 0)
                                    : poll(&fds, nfds_t(fds.count), waitMs)
            if ready > 0 && !fds.isEmpty {
                idleBackoffMs = 1
                for entry in fds where entry.revents != 0 {
                    if entry.fd == outFD, Self.drain(entry.fd, into: &stdout) { close(entry.fd); outFD = nil }
                    if entry.fd == errFD, Self.drain(entry.fd, into: &stderr) { close(entry.fd); errFD = nil }
                }
            } else {
                idleBackoffMs = min(idleBackoffMs * 2, 25)
            }
        }

        // Whatever is still buffered in the pipes is read once more, then the pipes are closed.
        if let fd = outFD { _ = Self.drain(fd, into: &stdout); close(fd) }
        if let fd = errFD { _ = Self.drain(fd, into: &stderr); close(fd) }

        var exitCode: Int32?
        var signal: Int32?
        if let raw = status, raw >= 0 {
            let low = raw & 0x7f
            if low == 0 { exitCode = (raw >> 8) & 0xff } else if low != 0x7f { signal = low }
        }
        return Outcome(exitCode: exitCode, signal: signal, stdout: stdout, stderr: stderr, timedOut: timedOut, note: note)
    }

    /// Reads everything available now. Returns true at end of file (or on an error that ends the stream).
    private static func drain(_ fd: Int32, into buffer: inout OutputBuffer) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                chunk.withUnsafeBytes { buffer.append(UnsafeRawBufferPointer(rebasing: $0.prefix(count))) }
                continue
            }
            if count == 0 { return true }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return false
            default: return true
            }
        }
    }
}
