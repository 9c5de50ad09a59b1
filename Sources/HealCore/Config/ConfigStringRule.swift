import FoundationEssentials
import NetAddress

/// The checks a string-valued key must pass, beyond being a string. Each returns the message of
/// a `ConfigError` (allowed values and the value found) or nil.
enum ConfigStringRule: Sendable {
    /// Empty (no issues filed), or `owner/repo`.
    case issueRepo
    /// `host:port`, `[v6]:port`.
    case listenAddress
    /// `http://host:port`, optionally with a trailing `/`.
    case gatewayURL
    case oneOf([String])
    /// Empty, or a name usable in file and unit names.
    case profileName
    /// A command name looked up on PATH, or a path to it.
    case executable
    /// Empty, or a notification URL (`NotifyURL`).
    case notifyURL

    func check(_ value: String) -> String? {
        let got = JSON5Value.quote(value)
        switch self {
        case .issueRepo:
            if value.isEmpty { return nil }
            return value.wholeMatch(of: #/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+/#) != nil && value.count <= 200
                ? nil : "must be empty or \"owner/repo\", got \(got)"
        case .listenAddress:
            if case .failure(let error) = ListenAddress.parse(value) {
                return "must be host:port (e.g. 127.0.0.1:9477 or [::1]:9477): \(error), got \(got)"
            }
            return nil
        case .gatewayURL:
            return Self.gatewayURLProblem(value).map { "must be an http:// URL with a host and a port (e.g. http://127.0.0.1:18789): \($0), got \(got)" }
        case .oneOf(let options):
            return options.contains(value) ? nil
                : "must be one of \(options.map { "\"\($0)\"" }.joined(separator: ", ")), got \(got)"
        case .profileName:
            if value.isEmpty { return nil }
            return value.wholeMatch(of: #/[A-Za-z0-9_-]{1,64}/#) != nil
                ? nil : "must be empty or 1 to 64 letters, digits, '-' or '_', got \(got)"
        case .executable:
            if value.isEmpty { return "must name the openclaw command or a path to it, got \"\"" }
            if value.contains("/") { return nil }  // a path: checked and expanded as one
            return value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._+-".contains($0)) })
                ? nil : "must be a command name (letters, digits, '.', '_', '+', '-') or a path, got \(got)"
        case .notifyURL:
            if value.isEmpty { return nil }
            return NotifyURL.problem(value).map { "\($0), got \(JSON5Value.quote(NotifyURL.shown(value)))" }
        }
    }

    private static func gatewayURLProblem(_ value: String) -> String? {
        guard value.contains("://"), let url = URLComponents(string: value) else {
            return "not a URL (it must start with http://)"
        }
        guard url.scheme?.lowercased() == "http" else { return "the scheme must be http" }
        guard let host = url.host, !host.isEmpty else { return "the host is missing" }
        guard let port = url.port else { return "the port is missing" }
        guard (1...65535).contains(port) else { return "the port must be 1 to 65535" }
        guard url.user == nil, url.password == nil else { return "credentials do not belong in the URL" }
        guard url.query == nil, url.fragment == nil else { return "a query or fragment is not allowed" }
        guard url.path.isEmpty || url.path == "/" else { return "a path is not allowed (the healer adds /healthz)" }
        return nil
    }
}
