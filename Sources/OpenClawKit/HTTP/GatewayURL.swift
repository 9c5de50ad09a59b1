import FoundationEssentials

/// The parts of `openclaw.gatewayUrl` the probe needs: `http://host[:port][/base]`.
/// Only plain HTTP: the gateway's health endpoints are served on its loopback port.
struct GatewayURL: Equatable {
    var host: String
    var port: Int
    /// Path prefix without a trailing slash ("" for none).
    var basePath: String

    enum ParseError: Error, Equatable, CustomStringConvertible {
        case unsupportedScheme(String)
        case malformed(String)
        var description: String {
            switch self {
            case .unsupportedScheme(let url): return "unsupported URL scheme in '\(url)' (only http:// is probed)"
            case .malformed(let url): return "malformed gateway URL '\(url)'"
            }
        }
    }

    static func parse(_ text: String) throws(ParseError) -> GatewayURL {
        var rest = Substring(text.trimming(.whitespaces))
        if let range = rest.firstRange(of: "://") {
            let scheme = rest[..<range.lowerBound].lowercased()
            // ws:// is how the CLI names the same port; its HTTP endpoints answer there too.
            guard scheme == "http" || scheme == "ws" else { throw .unsupportedScheme(text) }
            rest = rest[range.upperBound...]
        }
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        var path = String(rest[authority.endIndex...].prefix { $0 != "?" && $0 != "#" })
        while path.hasSuffix("/") { path.removeLast() }

        var host: Substring
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw .malformed(text) }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty { throw .malformed(text) }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            host = authority
        }
        if host.contains("@") { host = host[host.index(after: host.lastIndex(of: "@")!)...] }
        guard !host.isEmpty else { throw .malformed(text) }
        var port = 80
        if let portText {
            guard let value = Int(portText), (1...65535).contains(value) else { throw .malformed(text) }
            port = value
        }
        return GatewayURL(host: String(host), port: port, basePath: path)
    }

    /// `host:port` as written in a Host header and in messages.
    var authority: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
