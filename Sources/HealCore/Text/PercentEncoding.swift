/// Percent-encoding for URL query values (RFC 3986 section 2.1): ASCII letters and digits and the
/// given characters stay, every other UTF-8 byte becomes `%XX` in upper-case hex.
public enum PercentEncoding {
    public static func encode(_ text: String, keeping extra: String) -> String {
        let kept = Set(extra.utf8)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            let isAlphanumeric = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            if isAlphanumeric || kept.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + hex(byte >> 4) + hex(byte & 0x0F)
            }
        }
        return out
    }

    private static func hex(_ nibble: UInt8) -> String {
        String(Unicode.Scalar(nibble < 10 ? 0x30 + nibble : 0x37 + nibble))
    }
}
