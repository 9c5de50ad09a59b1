/// The text grammars of addresses and host names, without asking the system: the same answer on
/// every machine, so a config that validates here validates everywhere.
public enum IPLiteral {
    /// Dotted quad, four decimal octets up to 255, no leading zeros (`010.0.0.1` is refused:
    /// some parsers read it as octal).
    public static func isIPv4(_ s: Substring) -> Bool { ipv4Octets(s) != nil }

    /// The four octets of a dotted quad, nil when it is not one.
    public static func ipv4Octets(_ s: Substring) -> [UInt8]? {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var octets: [UInt8] = []
        for p in parts {
            guard !p.isEmpty, p.count <= 3, p.allSatisfy({ $0.isASCII && $0.isNumber }),
                  !(p.count > 1 && p.hasPrefix("0")), let value = UInt8(p) else { return nil }
            octets.append(value)
        }
        return octets
    }

    /// RFC 4291 text form: up to 8 groups of 1-4 hex digits, at most one `::`, optionally an
    /// embedded IPv4 address in the last 32 bits; a zone (`%eth0`, RFC 6874) may follow.
    public static func isIPv6(_ s: Substring) -> Bool {
        var address = s
        if let percent = s.firstIndex(of: "%") {
            let zone = s[s.index(after: percent)...]
            guard !zone.isEmpty, zone.count <= 15,
                  zone.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) })
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
            guard isIPv4(last) else { return false }
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
    public static func isHostName(_ s: Substring) -> Bool {
        guard s.utf8.count <= 253 else { return false }
        let labels = s.split(separator: ".", omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            (1...63).contains(label.utf8.count)
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
                && label.first != "-" && label.last != "-"
        }
    }
}
