extension ListenAddress {
    /// Whether only this machine can reach the address: `localhost`, 127.0.0.0/8, `::1`, or an
    /// IPv4-mapped loopback. Wildcards (`0.0.0.0`, `::`) and every other address are not.
    public var isLoopback: Bool { Self.isLoopback(host: host) }

    /// The same question for a host as it appears in a `Host` header or an address text:
    /// `localhost` and `*.localhost` (RFC 6761 keeps them on this machine), 127.0.0.0/8,
    /// `::1` and `::ffff:127.x.y.z`, with or without brackets, in any case.
    public static func isLoopback(host: String) -> Bool {
        var name = Substring(host.lowercased())
        if name.hasPrefix("[") && name.hasSuffix("]") { name = name.dropFirst().dropLast() }
        if name.hasSuffix(".") { name = name.dropLast() }
        if name == "localhost" || name.hasSuffix(".localhost") { return true }
        if let octets = IPLiteral.ipv4Octets(name) { return octets[0] == 127 }
        guard IPLiteral.isIPv6(name), !name.contains("%") else { return false }
        guard let bytes = IPv6Bytes.parse(name) else { return false }
        if bytes[0..<15].allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return true }
        return bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF && bytes[12] == 127
    }
}
