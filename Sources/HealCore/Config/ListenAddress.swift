/// A `server.listen` value taken apart: `127.0.0.1:9477`, `localhost:9477`, `[::1]:9477`,
/// `0.0.0.0:0` (port 0 lets the kernel pick). Parsing is pure so config validation and the
/// daemon agree on what is well-formed.
public struct ListenAddress: Sendable, Equatable, CustomStringConvertible {
    /// Without brackets: `::1`, `127.0.0.1`, `localhost`.
    public var host: String
    public var port: Int
    public var isIPv6: Bool

    public init(host: String, port: Int, isIPv6: Bool) {
        self.host = host; self.port = port; self.isIPv6 = isIPv6
    }

    public var description: String { isIPv6 ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// Parses `host:port`; the error says what is wrong in words.
    public static func parse(_ text: String) -> Result<ListenAddress, ListenAddressError> {
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
            guard isIPv6Literal(hostPart) else { return .failure(.badIPv6(String(hostPart))) }
        } else {
            guard let colon = text.lastIndex(of: ":") else { return .failure(.missingPort) }
            hostPart = text[..<colon]
            portPart = text[text.index(after: colon)...]
            isIPv6 = false
            if hostPart.contains(":") { return .failure(.unbracketedIPv6) }
            guard !hostPart.isEmpty else { return .failure(.missingHost) }
            if hostPart.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) {
                guard isIPv4Literal(hostPart) else { return .failure(.badIPv4(String(hostPart))) }
            } else if !isHostName(hostPart) {
                return .failure(.badHostName(String(hostPart)))
            }
        }
        guard !portPart.isEmpty, portPart.count <= 5, portPart.allSatisfy({ $0.isASCII && $0.isNumber }),
              let port = Int(portPart), port <= 65535 else {
            return .failure(.badPort(String(portPart)))
        }
        return .success(ListenAddress(host: String(hostPart), port: port, isIPv6: isIPv6))
    }

    static func isIPv4Literal(_ s: Substring) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        return parts.allSatisfy { p in
            !p.isEmpty && p.count <= 3 && p.allSatisfy { $0.isASCII && $0.isNumber }
                && Int(p)! <= 255 && !(p.count > 1 && p.hasPrefix("0"))
        }
    }

    /// RFC 4291 text form: up to 8 groups of 1-4 hex digits, at most one `::`, optionally an
    /// embedded IPv4 address in the last 32 bits. A zone (`%eth0`) is allowed after a link-local.
    static func isIPv6Literal(_ s: Substring) -> Bool {
        var address = s
        if let percent = s.firstIndex(of: "%") {
            let zone = s[s.index(after: percent)...]
            guard !zone.isEmpty, zone.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) })
            else { return false }
            address = s[..<percent]
        }
        guard !address.isEmpty, address.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else { return false }
        let doubleColons = address.ranges(of: "::").count
        guard doubleColons <= 1, !address.contains(":::") else { return false }
        var groups = address.split(separator: ":", omittingEmptySubsequences: true)
        // A single leading or trailing colon is only legal as part of `::`.
        if address.hasPrefix(":") && !address.hasPrefix("::") { return false }
        if address.hasSuffix(":") && !address.hasSuffix("::") { return false }
        var width = 0
        if let last = groups.last, last.contains(".") {
            guard isIPv4Literal(last) else { return false }
            groups.removeLast()
            width += 2
        }
        guard groups.allSatisfy({ $0.count <= 4 && $0.allSatisfy(\.isHexDigit) && !$0.contains(".") }) else {
            return false
        }
        width += groups.count
        return doubleColons == 1 ? width <= 7 : width == 8
    }

    /// RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens.
    static func isHostName(_ s: Substring) -> Bool {
        guard s.count <= 253 else { return false }
        let labels = s.split(separator: ".", omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            (1...63).contains(label.count)
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
                && label.first != "-" && label.last != "-"
        }
    }
}

public enum ListenAddressError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingPort, missingHost, unclosedBracket, unbracketedIPv6
    case badIPv4(String), badIPv6(String), badHostName(String), badPort(String)

    public var description: String {
        switch self {
        case .missingPort: return "expected host:port (e.g. 127.0.0.1:9477 or [::1]:9477)"
        case .missingHost: return "the host is empty (use 0.0.0.0 or [::] to listen on every address)"
        case .unclosedBracket: return "'[' without ']' around an IPv6 address"
        case .unbracketedIPv6: return "an IPv6 address needs brackets, e.g. [::1]:9477"
        case .badIPv4(let h): return "\(h) is not an IPv4 address"
        case .badIPv6(let h): return "\(h) is not an IPv6 address"
        case .badHostName(let h): return "\(JSON5Value.quote(h)) is not a valid host name"
        case .badPort(let p): return p.isEmpty ? "the port is missing" : "the port \(p) is not a number from 0 to 65535"
        }
    }
}
