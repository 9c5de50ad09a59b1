import CSocketShim
import Glibc

/// Sending queued output, waiting for writability, and the lingering close.
extension Connection {
    /// Sends as much queued output as the socket takes. When all of it is gone the connection
    /// either lingers (closing response) or goes back to reading.
    func flush() {
        guard outputSent < output.count, state != .closed else { return }
        while outputSent < output.count {
            let sent = output.withUnsafeBytes { bytes in
                send(fd, bytes.baseAddress! + outputSent, bytes.count - outputSent, Int32(MSG_NOSIGNAL))
            }
            if sent > 0 {
                outputSent += sent
            } else if sent < 0 && errno == EINTR {
                continue
            } else if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                // Backpressure: read nothing more until the client takes what it asked for.
                timer.waitingToWrite(at: monotonicNanoseconds(), sent: outputSent)
                isWaitingToWrite = true
                updateInterest()
                return
            } else {
                close()
                return
            }
        }
        // Release the buffer: an idle connection keeps none.
        output = []
        outputSent = 0
        isWaitingToWrite = false
        let now = monotonicNanoseconds()
        if closeAfterOutput || (loop.isDraining && parser.progress == .awaitingRequest) {
            startLingering(at: now)
        } else if state == .open {
            timer.finishedWriting(at: now, progress: parser.progress)
        }
        updateInterest()
    }

    func writable() {
        flush()
        // Pipelined requests may be waiting in the parser while reading was paused.
        if state == .open && !isWaitingToWrite && !closeAfterOutput {
            processRequests()
        }
    }

    /// Half-close, then read and drop whatever the client still sends until its FIN: closing
    /// with unread input makes the kernel send a reset, which can destroy our last response
    /// before the client reads it.
    func startLingering(at now: UInt64) {
        guard state == .open || state == .handling else { return }
        state = .lingering
        closeAfterOutput = true
        shutdown(fd, Int32(SHUT_WR))
        timer.startedLingering(at: now)
        updateInterest()
    }
}
