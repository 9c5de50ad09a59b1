import NetAddress

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

    /// The one loopback test of the house (`NetAddress`), on a `Host` value.
    static func isLoopback(_ host: String) -> Bool { ListenAddress.isLoopback(host: host) }
}
