import CSocketShim
import Glibc

/// Dropping a connection to make room when the server is full.
extension Connection {
    /// Closes now, telling a client in the middle of a request that it took too long (one
    /// non-blocking send: a client this slow gets no second chance to read).
    func evict() {
        if state == .open, !isWaitingToWrite, parser.progress != .awaitingRequest {
            var bytes: [UInt8] = []
            let response = HTTPResponse.error(
                status: 408, code: "request_timeout", message: "the server is full and this request was the slowest")
            ResponseEncoder.encode(response, framing: .init(close: true), date: loop.currentDate(), into: &bytes)
            bytes.withUnsafeBytes { _ = send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) }
        }
        close()
    }
}
