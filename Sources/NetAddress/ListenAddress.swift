/// A listen address taken apart: `127.0.0.1:9477`, `localhost:9477`, `[::1]:9477`,
/// `[fe80::1%eth0]:9477`, `0.0.0.0:0` (port 0 lets the kernel pick).
///
/// The one grammar for listen addresses: config validation (HealCore) and the bind (RawHTTP) both
/// parse through it, so an address the config accepts is one the server can try to bind, and one
/// it refuses is refused with the same words. The parse is pure; what depends on the machine (an
/// interface named in a zone, a host name that must resolve) is left to the bind.
public struct ListenAddress: Sendable, Equatable, CustomStringConvertible {
    /// Without brackets, with the zone if any: `::1`, `fe80::1%eth0`, `127.0.0.1`, `localhost`.
    public var host: String
    public var port: Int
    public var isIPv6: Bool

    public init(host: String, port: Int, isIPv6: Bool) {
        self.host = host; self.port = port; self.isIPv6 = isIPv6
    }

    public var description: String { isIPv6 ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// The IPv6 address without its zone (`fe80::1` for `fe80::1%eth0`); the host otherwise.
    public var address: String {
        guard isIPv6, let percent = host.firstIndex(of: "%") else { return host }
        return String(host[..<percent])
    }

    /// The zone of a link-local IPv6 address (`eth0`, or a number), nil when there is none.
    public var zone: String? {
        guard isIPv6, let percent = host.firstIndex(of: "%") else { return nil }
        return String(host[host.index(after: percent)...])
    }

    /// Whether the host is an address literal rather than a name to resolve.
    public var isLiteral: Bool { isIPv6 || IPLiteral.isIPv4(Substring(host)) }

    /// Parses `host:port`; the error says what is wrong in words.
    public static func parse(_ text: String) -> Result<ListenAddress, ListenAddressError> {
        if text.isEmpty { return .failure(.empty) }
        let hostPart: Substring
        let portPart: Substring
        let isIPv6: Bool
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return .failure(.unclosedBracket) }
            hostPart = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { return .failure(.missingPort) }
            portPart = rest.dropFirst()
            isIPv6 = true
            guard IPLiteral.isIPv6(hostPart) else { return .failure(.badIPv6(String(hostPart))) }
        } else {
            guard let colon = text.lastIndex(of: ":") else { return .failure(.missingPort) }
            hostPart = text[..<colon]
            portPart = text[text.index(after: colon)...]
            isIPv6 = false
            if hostPart.contains(":") { return .failure(.unbracketedIPv6) }
            guard !hostPart.isEmpty else { return .failure(.missingHost) }
            if hostPart.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) {
                guard IPLiteral.isIPv4(hostPart) else { return .failure(.badIPv4(String(hostPart))) }
            } else if !IPLiteral.isHostName(hostPart) {
                return .failure(.badHostName(String(hostPart)))
            }
        }
        guard !portPart.isEmpty, portPart.count <= 5, portPart.allSatisfy({ $0.isASCII && $0.isNumber }),
              let port = Int(portPart), port <= 65535 else {
            return .failure(.badPort(String(portPart)))
        }
        return .success(ListenAddress(host: String(hostPart), port: port, isIPv6: isIPv6))
    }
}
