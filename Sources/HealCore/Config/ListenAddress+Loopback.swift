extension ListenAddress {
    /// Whether only this machine can reach the address: `localhost`, 127.0.0.0/8, `::1`, or an
    /// IPv4-mapped loopback. Wildcards (`0.0.0.0`, `::`) and every other address are not.
    public var isLoopback: Bool {
        let lowered = host.lowercased()
        if lowered == "localhost" || lowered == "::1" { return true }
        let v4 = lowered.hasPrefix("::ffff:") ? String(lowered.dropFirst(7)) : lowered
        let octets = v4.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets.allSatisfy({ UInt8($0) != nil }) else { return false }
        return octets[0] == "127"
    }
}
