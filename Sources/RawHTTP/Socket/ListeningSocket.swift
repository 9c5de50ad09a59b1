import CSocketShim
import Glibc
import NetAddress

/// Opening, adopting and describing the listening socket.
enum ListeningSocket {
    /// Binds and listens, trying each address a host name resolves to in order.
    static func open(_ listen: ListenAddress, backlog: Int) throws -> Int32 {
        let addresses = try resolve(listen)
        var lastError = HTTPServerError.usage("getaddrinfo(\(listen.host))", "no usable address")
        for address in addresses {
            do {
                return try bindAndListen(address, backlog: backlog)
            } catch let error as HTTPServerError {
                lastError = error
            }
        }
        throw lastError
    }

    /// Checks that `fd` is a listening stream socket and makes it non-blocking and close-on-exec.
    static func adopt(_ fd: Int32) throws {
        guard fcntl(fd, F_GETFD) >= 0 else { throw HTTPServerError.system("adopt(fd \(fd))") }
        let type = try SocketOptions.intOption(fd, level: SOL_SOCKET, option: SO_TYPE, name: "SO_TYPE")
        guard type == Int32(SOCK_STREAM.rawValue) else {
            throw HTTPServerError.usage("adopt(fd \(fd))", "not a stream socket")
        }
        let listening = try SocketOptions.intOption(fd, level: SOL_SOCKET, option: SO_ACCEPTCONN, name: "SO_ACCEPTCONN")
        guard listening != 0 else { throw HTTPServerError.usage("adopt(fd \(fd))", "the socket is not listening") }
        try SocketOptions.makeNonBlockingAndCloseOnExec(fd)
    }

    /// `127.0.0.1:41234` or `[::1]:41234`, and the port.
    static func localAddress(_ fd: Int32) -> (text: String, port: Int) {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let status = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard status == 0 else { return ("", 0) }
        var copy = storage
        switch Int32(storage.ss_family) {
        case AF_INET:
            let port = withUnsafeBytes(of: &copy) { Int(UInt16(bigEndian: $0.load(as: sockaddr_in.self).sin_port)) }
            return ("\(PeerAddress(storage).text):\(port)", port)
        case AF_INET6:
            let port = withUnsafeBytes(of: &copy) { Int(UInt16(bigEndian: $0.load(as: sockaddr_in6.self).sin6_port)) }
            return ("[\(PeerAddress(storage).text)]:\(port)", port)
        case AF_UNIX:
            return ("unix", 0)
        default:
            return ("", 0)
        }
    }

    private struct Address {
        var storage: sockaddr_storage
        var length: socklen_t
        var text: String
    }

    private static func resolve(_ listen: ListenAddress) throws -> [Address] {
        let host = listen.host, port = listen.port
        if !listen.isIPv6, listen.isLiteral, let v4 = parseIPv4(host) {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = UInt16(port).bigEndian
            address.sin_addr = v4
            return [Address(storage: storage(of: address), length: socklen_t(MemoryLayout<sockaddr_in>.size),
                            text: "\(host):\(port)")]
        }
        if listen.isIPv6 {
            guard let v6 = parseIPv6(listen.address) else {
                throw HTTPServerError.usage("bind(\(listen))", "\(listen.address) is not an IPv6 address")
            }
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = UInt16(port).bigEndian
            address.sin6_addr = v6
            if let zone = listen.zone { address.sin6_scope_id = try scopeID(zone, of: listen) }
            return [Address(storage: storage(of: address), length: socklen_t(MemoryLayout<sockaddr_in6>.size),
                            text: "[\(host)]:\(port)")]
        }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0 else {
            throw HTTPServerError(operation: "getaddrinfo(\(host))", errnoCode: 0, message: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(list) }
        var result: [Address] = []
        var cursor = list
        while let entry = cursor?.pointee {
            if let raw = entry.ai_addr {
                var storage = sockaddr_storage()
                withUnsafeMutableBytes(of: &storage) { target in
                    target.copyMemory(from: UnsafeRawBufferPointer(start: raw, count: Int(entry.ai_addrlen)))
                }
                result.append(Address(storage: storage, length: entry.ai_addrlen, text: "\(host):\(port)"))
            }
            cursor = entry.ai_next
        }
        return result
    }

    static func parseIPv4(_ text: String) -> in_addr? {
        var address = in_addr()
        return inet_pton(AF_INET, text, &address) == 1 ? address : nil
    }

    static func parseIPv6(_ text: String) -> in6_addr? {
        var address = in6_addr()
        return inet_pton(AF_INET6, text, &address) == 1 ? address : nil
    }

    /// The interface index of a zone: a number as it is, a name through `if_nametoindex`. The
    /// grammar accepted the zone; whether such an interface exists is only known here.
    private static func scopeID(_ zone: String, of listen: ListenAddress) throws -> UInt32 {
        if let index = UInt32(zone) { return index }
        let index = if_nametoindex(zone)
        guard index != 0 else {
            throw HTTPServerError.usage("bind(\(listen))", "no network interface named '\(zone)' on this machine")
        }
        return index
    }

    private static func storage<T>(of address: T) -> sockaddr_storage {
        var storage = sockaddr_storage()
        withUnsafeMutableBytes(of: &storage) { target in
            withUnsafeBytes(of: address) { target.copyMemory(from: $0) }
        }
        return storage
    }

    private static func bindAndListen(_ address: Address, backlog: Int) throws -> Int32 {
        let family = Int32(address.storage.ss_family)
        let type = Int32(SOCK_STREAM.rawValue) | cshim_sock_nonblock() | cshim_sock_cloexec()
        let fd = socket(family, type, 0)
        guard fd >= 0 else { throw HTTPServerError.system("socket(\(address.text))") }
        do {
            try SocketOptions.setFlag(fd, level: SOL_SOCKET, option: SO_REUSEADDR, 1, name: "SO_REUSEADDR")
            var storage = address.storage
            let bound = withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, address.length) }
            }
            guard bound == 0 else { throw HTTPServerError.system("bind(\(address.text))") }
            guard listen(fd, Int32(clamping: backlog)) == 0 else { throw HTTPServerError.system("listen(\(address.text))") }
            return fd
        } catch {
            close(fd)
            throw error
        }
    }
}
