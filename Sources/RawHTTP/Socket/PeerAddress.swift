import Glibc

/// A connected peer's address, kept compact (no string) until a request needs it.
enum PeerAddress {
    case ipv4(in_addr)
    case ipv6(in6_addr)
    case unix
    case unknown

    init(_ storage: sockaddr_storage) {
        var copy = storage
        switch Int32(storage.ss_family) {
        case AF_INET:
            self = withUnsafeBytes(of: &copy) { .ipv4($0.load(as: sockaddr_in.self).sin_addr) }
        case AF_INET6:
            self = withUnsafeBytes(of: &copy) { .ipv6($0.load(as: sockaddr_in6.self).sin6_addr) }
        case AF_UNIX:
            self = .unix
        default:
            self = .unknown
        }
    }

    var text: String {
        switch self {
        case .ipv4(let address):
            return withUnsafeBytes(of: address) { Self.format(family: AF_INET, $0, capacity: Int(INET_ADDRSTRLEN)) }
        case .ipv6(let address):
            return withUnsafeBytes(of: address) { Self.format(family: AF_INET6, $0, capacity: Int(INET6_ADDRSTRLEN)) }
        case .unix:
            return "unix"
        case .unknown:
            return "unknown"
        }
    }

    /// Loopback peers, including IPv4-mapped ones and local (Unix-domain) sockets.
    var isLoopback: Bool {
        switch self {
        case .ipv4(let address):
            return UInt32(bigEndian: address.s_addr) >> 24 == 127
        case .ipv6(var address):
            let bytes = withUnsafeBytes(of: &address) { Array($0) }
            if bytes[0..<15].allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return true }
            let mapped = bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF
            return mapped && bytes[12] == 127
        case .unix:
            return true
        case .unknown:
            return false
        }
    }

    private static func format(family: Int32, _ address: UnsafeRawBufferPointer, capacity: Int) -> String {
        var text = [CChar](repeating: 0, count: capacity)
        guard inet_ntop(family, address.baseAddress, &text, socklen_t(capacity)) != nil else { return "unknown" }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
