import FoundationEssentials

extension StringProtocol {
    /// The first (or with `.backwards` the last) range where `needle` occurs, `.caseInsensitive`
    /// folding ASCII letters. The other options are not supported and trap, so that a caller
    /// relying on one notices at once.
    public func textRange(of needle: some StringProtocol, options: String.CompareOptions = []) -> Range<String.Index>? {
        precondition(options.subtracting([.caseInsensitive, .backwards]).isEmpty, "unsupported search options \(options)")
        let hay = Array(utf8)
        let pin = Array(needle.utf8)
        guard !pin.isEmpty, pin.count <= hay.count else { return nil }
        let folding = options.contains(.caseInsensitive)
        let last = hay.count - pin.count
        let order = options.contains(.backwards) ? stride(from: last, through: 0, by: -1) : stride(from: 0, through: last, by: 1)
        for start in order where Self.matches(hay, at: start, pin, folding: folding) {
            let lower = utf8.index(utf8.startIndex, offsetBy: start)
            return lower..<utf8.index(lower, offsetBy: pin.count)
        }
        return nil
    }

    private static func matches(_ hay: [UInt8], at start: Int, _ pin: [UInt8], folding: Bool) -> Bool {
        for offset in 0..<pin.count {
            let a = hay[start + offset], b = pin[offset]
            if a == b { continue }
            guard folding, Self.foldASCII(a) == Self.foldASCII(b) else { return false }
        }
        return true
    }

    private static func foldASCII(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }
}
