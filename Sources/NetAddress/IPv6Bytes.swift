/// The 16 bytes of an IPv6 literal that `IPLiteral.isIPv6` accepted (without a zone).
enum IPv6Bytes {
    static func parse(_ s: Substring) -> [UInt8]? {
        var text = s
        var tail: [UInt8] = []
        if let lastColon = text.lastIndex(of: ":"), text[text.index(after: lastColon)...].contains(".") {
            guard let octets = IPLiteral.ipv4Octets(text[text.index(after: lastColon)...]) else { return nil }
            tail = octets
            text = text[...lastColon]
            if text.hasSuffix(":") && !text.hasSuffix("::") { text = text.dropLast() }
        }
        func groups(_ part: Substring) -> [UInt16]? {
            if part.isEmpty { return [] }
            var result: [UInt16] = []
            for g in part.split(separator: ":", omittingEmptySubsequences: false) {
                guard let value = UInt16(g, radix: 16) else { return nil }
                result.append(value)
            }
            return result
        }
        let halves = text.components(separatedBy: "::")
        guard let head = groups(halves[0]) else { return nil }
        var words = head
        let wanted = 8 - tail.count / 2
        if halves.count == 2 {
            guard let back = groups(halves[1]), head.count + back.count <= wanted else { return nil }
            words += Array(repeating: 0, count: wanted - head.count - back.count) + back
        }
        guard words.count == wanted else { return nil }
        return words.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } + tail
    }
}

private extension Substring {
    func components(separatedBy separator: String) -> [Substring] {
        guard let range = self.firstRange(of: separator) else { return [self] }
        return [self[..<range.lowerBound], self[range.upperBound...]]
    }
}
