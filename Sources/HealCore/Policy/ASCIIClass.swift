/// Byte classes of ASCII for the byte scanners in HealCore (no locale, no Unicode tables).
enum ASCIIClass {
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b &- 0x41 < 26 }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b &- 0x61 < 26 }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isAlphanumeric(_ b: UInt8) -> Bool { isUpper(b) || isLower(b) || isDigit(b) }
    @inline(__always) static func lowered(_ b: UInt8) -> UInt8 { isUpper(b) ? b | 0x20 : b }
}
