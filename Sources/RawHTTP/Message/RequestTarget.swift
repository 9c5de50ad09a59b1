/// Splits a request target into the routing path and the decoded query (RFC 9112 section 3.2).
enum RequestTarget {
    static func split(_ target: String) -> (path: String, query: [String: String]) {
        var bytes = Substring(target)
        // absolute-form: drop "scheme://authority" so routing sees the same path as origin-form.
        if !bytes.hasPrefix("/"), let schemeEnd = endOfScheme(bytes) {
            let afterAuthority = bytes[schemeEnd...]
            if let slash = afterAuthority.firstIndex(where: { $0 == "/" || $0 == "?" }) {
                bytes = afterAuthority[slash...]
            } else {
                bytes = "/"
            }
        }
        guard let mark = bytes.firstIndex(of: "?") else {
            return (bytes.isEmpty ? "/" : String(bytes), [:])
        }
        var path = String(bytes[..<mark])
        if path.isEmpty { path = "/" }
        return (path, parseQuery(bytes[bytes.index(after: mark)...]))
    }

    /// The index just past "://" when the target starts with a scheme.
    private static func endOfScheme(_ text: Substring) -> Substring.Index? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let scheme = text[..<colon]
        guard !scheme.isEmpty, scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }),
              text[colon...].hasPrefix("://") else { return nil }
        return text.index(colon, offsetBy: 3)
    }

    static func parseQuery(_ query: Substring) -> [String: String] {
        var result: [String: String] = [:]
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let name: Substring
            let value: Substring
            if let equals = pair.firstIndex(of: "=") {
                name = pair[..<equals]
                value = pair[pair.index(after: equals)...]
            } else {
                name = pair
                value = ""
            }
            result[percentDecode(name)] = percentDecode(value)
        }
        return result
    }

    /// Decodes `%XX` and `+`; a malformed escape is kept literally rather than rejected,
    /// because a query parameter the application never reads should not fail the request.
    static func percentDecode(_ text: Substring) -> String {
        let input = Array(text.utf8)
        guard input.contains(0x25) || input.contains(0x2B) else { return String(text) }
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == 0x2B {
                output.append(ASCII.space)
            } else if byte == 0x25, index + 2 < input.count,
                      let high = ASCII.hexValue(input[index + 1]), let low = ASCII.hexValue(input[index + 2]) {
                output.append(UInt8(high << 4 | low))
                index += 2
            } else {
                output.append(byte)
            }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }
}
