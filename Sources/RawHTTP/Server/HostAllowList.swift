import Glibc

/// Which `Host` values a server bound to loopback answers: loopback names and addresses
/// (`localhost`, `*.localhost`, 127.0.0.0/8, `[::1]`, `[::ffff:127.x.y.z]`) and the names listed.
///
/// Why: a web page the owner visits can point its own domain at 127.0.0.1 (DNS rebinding) and
/// then read the server as a same-origin page. The browser still sends the page's name in
/// `Host`, so answering only known names leaves such a page nothing to read.
public struct HostAllowList: Sendable, Equatable {
    /// Extra names (lower-cased; a port given with them is ignored).
    public private(set) var names: Set<String>

    public init(_ names: [String] = []) {
        self.names = Set(names.map { name in
            let host = HostField.host(of: name) ?? name.lowercased()
            return host
        })
    }

    /// `host` as `HostField.host(of:)` returns it.
    public func allows(host: String) -> Bool {
        let name = host.hasSuffix(".") ? String(host.dropLast()) : host
        if names.contains(name) || names.contains(host) { return true }
        return Self.isLoopback(name)
    }

    static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host.hasSuffix(".localhost") { return true }
        if host.hasPrefix("[") && host.hasSuffix("]") {
            var address = in6_addr()
            guard inet_pton(AF_INET6, String(host.dropFirst().dropLast()), &address) == 1 else { return false }
            let b = withUnsafeBytes(of: &address) { Array($0) }
            if b[0..<15].allSatisfy({ $0 == 0 }) && b[15] == 1 { return true }
            return b[0..<10].allSatisfy({ $0 == 0 }) && b[10] == 0xFF && b[11] == 0xFF && b[12] == 127
        }
        var address = in_addr()
        guard inet_pton(AF_INET, host, &address) == 1 else { return false }
        return withUnsafeBytes(of: &address) { $0[0] } == 127
    }
}
