import Glibc

/// The `Host` field (RFC 9112 section 3.2): `uri-host [ ":" port ]` with `uri-host` an IP literal,
/// an IPv4 address or a reg-name (RFC 3986 section 3.2.2). No userinfo, path, space or list.
enum HostField {
    /// The host part, lower-cased, with brackets kept for IPv6; nil when `value` is not valid.
    /// An empty value is valid (a target without an authority) and gives "".
    static func host(of value: String) -> String? {
        let bytes = Array(value.utf8)
        let host: ArraySlice<UInt8>
        var port: ArraySlice<UInt8> = []
        if bytes.first == UInt8(ascii: "[") {
            guard let close = bytes.firstIndex(of: UInt8(ascii: "]")) else { return nil }
            let inside = String(decoding: bytes[1..<close], as: UTF8.self)
            var address = in6_addr()
            guard inet_pton(AF_INET6, inside, &address) == 1 else { return nil }
            host = bytes[...close]
            let rest = bytes[(close + 1)...]
            if let first = rest.first {
                guard first == UInt8(ascii: ":") else { return nil }
                port = rest.dropFirst()
            }
        } else {
            if let colon = bytes.lastIndex(of: UInt8(ascii: ":")) {
                host = bytes[..<colon]
                port = bytes[(colon + 1)...]
            } else {
                host = bytes[...]
            }
            guard isRegNameOrIPv4(host) else { return nil }
        }
        guard port.count <= 5, port.allSatisfy(ASCII.isDigit) else { return nil }
        if !port.isEmpty, let number = Int(String(decoding: port, as: UTF8.self)), number > 65535 { return nil }
        return String(decoding: host.map(ASCII.lowercased), as: UTF8.self)
    }

    /// `*( unreserved / pct-encoded / sub-delims )`; an IPv4 address is a reg-name by this grammar.
    private static func isRegNameOrIPv4(_ bytes: ArraySlice<UInt8>) -> Bool {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == UInt8(ascii: "%") {
                guard i + 2 < bytes.endIndex, ASCII.hexValue(bytes[i + 1]) != nil, ASCII.hexValue(bytes[i + 2]) != nil else {
                    return false
                }
                i += 3
                continue
            }
            guard isUnreservedOrSubDelim(b) else { return false }
            i += 1
        }
        return true
    }

    private static func isUnreservedOrSubDelim(_ b: UInt8) -> Bool {
        if ASCII.isDigit(b) || ASCII.lowercased(b) &- 0x61 < 26 { return true }
        switch b {
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"),
             UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
             UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"),
             UInt8(ascii: "="):
            return true
        default:
            return false
        }
    }

    /// The authority of an absolute-form target (`http://host:port/path`), or nil.
    static func authority(ofAbsoluteTarget target: String) -> String? {
        let bytes = Array(target.utf8)
        var i = 0
        while i + 2 < bytes.count, !(bytes[i] == UInt8(ascii: ":") && bytes[i + 1] == UInt8(ascii: "/") && bytes[i + 2] == UInt8(ascii: "/")) {
            guard bytes[i] != UInt8(ascii: "/") else { return nil }
            i += 1
        }
        guard i + 2 < bytes.count else { return nil }
        let start = i + 3
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "/"), bytes[end] != UInt8(ascii: "?"), bytes[end] != UInt8(ascii: "#") {
            end += 1
        }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
