import Glibc

/// `HOST:PORT` listen addresses: `127.0.0.1:9477`, `[::1]:9477`, `0.0.0.0:80`, `localhost:0`.
public enum ListenAddress {
    /// Splits and checks an address. The host comes back without brackets (`::1`).
    public static func parse(_ text: String) throws -> (host: String, port: Int) {
        func failure(_ reason: String) -> ListenAddressError { ListenAddressError(input: text, reason: reason) }
        if text.isEmpty { throw failure("it is empty; expected HOST:PORT such as 127.0.0.1:9477 or [::1]:9477") }

        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw failure("'[' is never closed by ']'") }
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { throw failure("missing ':PORT' after ']'") }
            portText = rest.dropFirst()
            guard parseIPv6(String(host)) != nil else { throw failure("'\(host)' is not an IPv6 address") }
        } else {
            guard let colon = text.lastIndex(of: ":") else {
                throw failure("missing port; expected HOST:PORT such as 127.0.0.1:9477")
            }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
            if host.contains(":") { throw failure("an IPv6 address needs brackets, e.g. [::1]:9477") }
            if host.isEmpty { throw failure("missing host; use 0.0.0.0 for every IPv4 interface or [::] for every IPv6 one") }
            if host.allSatisfy({ $0 == "." || $0.isASCII && $0.isNumber }) {
                guard parseIPv4(String(host)) != nil else { throw failure("'\(host)' is not an IPv4 address") }
            } else if !isHostName(host) {
                throw failure("'\(host)' is not a valid host name")
            }
        }
        guard !portText.isEmpty, portText.count <= 5, portText.utf8.allSatisfy(ASCII.isDigit),
              let port = Int(portText), port <= 65535 else {
            throw failure("port '\(portText)' is not a number from 0 to 65535")
        }
        return (String(host), port)
    }

    /// True for `localhost`, 127.0.0.0/8, `::1` and IPv4-mapped loopback (`::ffff:127.0.0.1`).
    public static func isLoopback(host: String) -> Bool {
        var name = host
        if name.hasPrefix("[") && name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        let lower = name.lowercased()
        if lower == "localhost" || lower.hasSuffix(".localhost") { return true }
        if let v4 = parseIPv4(name) { return PeerAddress.ipv4(v4).isLoopback }
        if let v6 = parseIPv6(name) { return PeerAddress.ipv6(v6).isLoopback }
        return false
    }

    static func parseIPv4(_ text: String) -> in_addr? {
        var address = in_addr()
        return inet_pton(AF_INET, text, &address) == 1 ? address : nil
    }

    static func parseIPv6(_ text: String) -> in6_addr? {
        var address = in6_addr()
        return inet_pton(AF_INET6, text, &address) == 1 ? address : nil
    }

    /// RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens.
    private static func isHostName(_ host: Substring) -> Bool {
        guard host.utf8.count <= 253 else { return false }
        return host.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            !label.isEmpty && label.utf8.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }
}
