import CSocketShim
import Glibc

/// A one-shot HTTP/1.1 GET over a raw socket with a connect timeout, a read deadline and a size cap.
/// Blocking (it polls); callers run it on a dedicated thread.
struct HTTPGetClient {
    enum Failure: Error, Equatable {
        case refused(String)
        case timedOut(String)
        case failed(String)
    }

    let connectTimeoutMs: Int32
    let readTimeoutMs: Int32
    let maxResponseBytes: Int

    func get(_ url: GatewayURL, path: String) -> Result<HTTPResponse, Failure> {
        let connected = connect(url)
        guard case .success(let fd) = connected else {
            if case .failure(let failure) = connected { return .failure(failure) }
            return .failure(.failed("connect"))
        }
        defer { close(fd) }

        let request = "GET \(url.basePath)\(path) HTTP/1.1\r\nHost: \(url.authority)\r\nUser-Agent: openclaw-self-heal\r\n"
            + "Accept: application/json\r\nConnection: close\r\n\r\n"
        let deadline = MonotonicTime.nowNs() + UInt64(readTimeoutMs) * 1_000_000
        if let failure = send(Array(request.utf8), on: fd, deadline: deadline) { return .failure(failure) }

        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            if HTTPResponse.isComplete(received) { break }
            let now = MonotonicTime.nowNs()
            guard now < deadline else {
                return .failure(.timedOut(received.isEmpty ? "no answer within \(readTimeoutMs) ms"
                                                           : "answer incomplete after \(readTimeoutMs) ms"))
            }
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, Int32((deadline - now) / 1_000_000) + 1)
            if ready < 0 && errno == EINTR { continue }
            if ready <= 0 { continue }
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                received.append(contentsOf: chunk.prefix(count))
                if received.count > maxResponseBytes {
                    return .failure(.failed("answer larger than \(maxResponseBytes) bytes"))
                }
            } else if count == 0 {
                break
            } else if errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR {
                if received.isEmpty && errno == ECONNRESET { return .failure(.failed("connection reset before an answer")) }
                break
            }
        }
        do {
            return .success(try HTTPResponse.parse(received))
        } catch {
            return .failure(.failed(received.isEmpty ? "connection closed without an answer"
                                                     : "not an HTTP response (\(error))"))
        }
    }

    private func connect(_ url: GatewayURL) -> Result<Int32, Failure> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(url.host, String(url.port), &hints, &list)
        guard rc == 0, let first = list else {
            return .failure(.failed("cannot resolve \(url.host): \(String(cString: gai_strerror(rc)))"))
        }
        defer { freeaddrinfo(first) }

        var lastFailure = Failure.failed("no address for \(url.host)")
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let info = entry {
            entry = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype | cshim_sock_nonblock() | cshim_sock_cloexec(),
                            info.pointee.ai_protocol)
            guard fd >= 0 else { lastFailure = .failed("socket: \(String(cString: strerror(errno)))"); continue }
            if Glibc.connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { return .success(fd) }
            guard errno == EINPROGRESS else {
                lastFailure = Self.connectFailure(errno, url)
                close(fd)
                continue
            }
            var pfd = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            var ready: Int32
            repeat { ready = poll(&pfd, 1, connectTimeoutMs) } while ready < 0 && errno == EINTR
            if ready == 0 {
                lastFailure = .timedOut("connect to \(url.authority) timed out after \(connectTimeoutMs) ms")
                close(fd)
                continue
            }
            var soError: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &length)
            if soError == 0 { return .success(fd) }
            lastFailure = Self.connectFailure(soError, url)
            close(fd)
        }
        return .failure(lastFailure)
    }

    private static func connectFailure(_ code: Int32, _ url: GatewayURL) -> Failure {
        let text = "\(url.authority): \(String(cString: strerror(code)))"
        return code == ECONNREFUSED ? .refused("connection refused (\(url.authority))") : .failed(text)
    }

    private func send(_ bytes: [UInt8], on fd: Int32, deadline: UInt64) -> Failure? {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent > 0 { offset += sent; continue }
            if errno == EINTR { continue }
            guard errno == EAGAIN || errno == EWOULDBLOCK else {
                return .failed("send: \(String(cString: strerror(errno)))")
            }
            let now = MonotonicTime.nowNs()
            guard now < deadline else { return .timedOut("could not send the request within \(readTimeoutMs) ms") }
            var pfd = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            _ = poll(&pfd, 1, Int32((deadline - now) / 1_000_000) + 1)
        }
        return nil
    }
}
