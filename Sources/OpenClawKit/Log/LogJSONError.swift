/// Why a log line that looks like JSON could not be read; `offset` is the byte where reading stopped.
struct LogJSONError: Error, Sendable, Equatable, CustomStringConvertible {
    enum Kind: Sendable, Equatable {
        case unexpectedEnd
        case unexpectedByte(UInt8)
        case invalidEscape
        case invalidNumber
        case nestingTooDeep(limit: Int)
        case trailingBytes
    }

    var kind: Kind
    var offset: Int

    var description: String {
        switch kind {
        case .unexpectedEnd: return "JSON ends early at byte \(offset)"
        case .unexpectedByte(let byte): return "unexpected byte 0x\(String(byte, radix: 16)) at \(offset)"
        case .invalidEscape: return "invalid string escape at byte \(offset)"
        case .invalidNumber: return "invalid number at byte \(offset)"
        case .nestingTooDeep(let limit): return "nesting deeper than \(limit) at byte \(offset)"
        case .trailingBytes: return "bytes after the JSON value at \(offset)"
        }
    }
}
