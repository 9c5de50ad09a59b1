/// `server.allowedHosts`: each entry a `host[:port]` as a `Host` header would carry it.
extension ConfigField {
    static let maxHosts = 64

    static func hostListProblems(_ items: [JSON5Value], key: String) -> [ConfigError] {
        if items.count > maxHosts {
            return [ConfigError(key: key, message: "must list at most \(maxHosts) hosts, got \(items.count)")]
        }
        var problems: [ConfigError] = []
        for (i, item) in items.enumerated() {
            let itemKey = "\(key)[\(i)]"
            guard case .string(let host) = item else {
                problems.append(ConfigError(key: itemKey, message: "must be a host name string, got \(item.shortDescription)"))
                continue
            }
            if !isHostName(host) {
                problems.append(ConfigError(
                    key: itemKey,
                    message: "must be a host name or address with an optional :port (e.g. \"healer.lan\", \"[::1]:9477\"), got \(JSON5Value.quote(host))"))
            }
        }
        return problems
    }

    /// Letters, digits, `-`, `.`, `_` (a name or an IPv4 address), or a bracketed IPv6 address,
    /// then an optional `:port`.
    static func isHostName(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return false }
            let inside = rest[rest.index(after: rest.startIndex)..<close]
            guard !inside.isEmpty, inside.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else { return false }
            rest = rest[rest.index(after: close)...]
        } else {
            let end = rest.firstIndex(of: ":") ?? rest.endIndex
            let name = rest[..<end]
            guard !name.isEmpty, name.utf8.count <= 253,
                  name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "." || $0 == "_") })
            else { return false }
            rest = rest[end...]
        }
        if rest.isEmpty { return true }
        guard rest.first == ":" else { return false }
        let port = rest.dropFirst()
        guard let number = Int(port), !port.isEmpty, port.allSatisfy(\.isASCII), (1...65535).contains(number) else { return false }
        return true
    }
}
