/// What is wrong with a listen address, in words a config file's author can act on.
public enum ListenAddressError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty, missingPort, missingHost, unclosedBracket, unbracketedIPv6
    case badIPv4(String), badIPv6(String), badHostName(String), badPort(String)

    public var description: String {
        switch self {
        case .empty: return "the address is empty; expected host:port (e.g. 127.0.0.1:9477 or [::1]:9477)"
        case .missingPort: return "expected host:port (e.g. 127.0.0.1:9477 or [::1]:9477)"
        case .missingHost: return "the host is empty (use 0.0.0.0 or [::] to listen on every address)"
        case .unclosedBracket: return "'[' without ']' around an IPv6 address"
        case .unbracketedIPv6: return "an IPv6 address needs brackets, e.g. [::1]:9477"
        case .badIPv4(let h): return "\(h) is not an IPv4 address"
        case .badIPv6(let h): return "\(h) is not an IPv6 address"
        case .badHostName(let h): return "\"\(h)\" is not a valid host name"
        case .badPort(let p): return p.isEmpty ? "the port is missing" : "the port \(p) is not a number from 0 to 65535"
        }
    }
}
