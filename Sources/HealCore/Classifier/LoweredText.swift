#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An error text lower-cased once, with its UTF-8 bytes, for the classifier's many tests.
///
/// Most texts are ASCII; for those a substring test is a byte search, exactly what the
/// `Character`-based `String.contains` answers (an ASCII text has no combining marks or other
/// multi-scalar graphemes, only `\r\n`, and no needle starts or ends inside one). Other texts keep
/// the `String` comparison, so grapheme and canonical-equivalence rules stay as they were.
struct LoweredText {
    /// The lower-cased text.
    let string: String
    /// Its UTF-8.
    let bytes: [UInt8]
    let isASCII: Bool

    /// `text`, lower-cased here.
    init(lowercasing text: String) {
        var ascii = true
        for byte in text.utf8 where byte >= 0x80 { ascii = false; break }
        if ascii {
            var bytes = Array(text.utf8)
            for i in bytes.indices where bytes[i] >= 0x41 && bytes[i] <= 0x5A { bytes[i] |= 0x20 }
            self.bytes = bytes
            string = String(decoding: bytes, as: UTF8.self)
        } else {
            string = text.lowercased()
            bytes = Array(string.utf8)
        }
        isASCII = ascii
    }

    /// A text that is already lower-case.
    init(lowered text: String) {
        string = text
        bytes = Array(text.utf8)
        isASCII = !bytes.contains { $0 >= 0x80 }
    }

    /// Whether the text contains `needle` (lower-case), as `String.contains` would answer.
    func contains(_ needle: String) -> Bool {
        guard isASCII else { return string.contains(needle) }
        return ByteSearch.contains(bytes, needle)
    }

    /// Whether the bytes contain any of `needles`: a test that cannot say no to a text a regex
    /// with one of those literals would match, whatever the text's script.
    func mayContain(anyOf needles: [String]) -> Bool {
        needles.isEmpty || needles.contains { ByteSearch.contains(bytes, $0) }
    }
}

/// Substring search on bytes.
enum ByteSearch {
    static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        haystack.withUnsafeBufferPointer { contains($0, needle) }
    }

    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { n in
            guard n.count <= haystack.count else { return false }
            guard n.count > 0 else { return true }
            // memchr for the first byte, memcmp for the rest (Glibc's module map hides memmem).
            let base = haystack.baseAddress!
            let first = Int32(n[0])
            let lastStart = haystack.count - n.count
            var start = 0
            while start <= lastStart {
                guard let hit = memchr(base + start, first, lastStart - start + 1) else { return false }
                let offset = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                if memcmp(base + offset, n.baseAddress!, n.count) == 0 { return true }
                start = offset + 1
            }
            return false
        }
    }

    /// Case-insensitive for ASCII letters (`needle` in lower case).
    static func containsIgnoringASCIICase(_ haystack: some Collection<UInt8>, _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard !n.isEmpty else { return true }
        let h = Array(haystack)
        guard n.count <= h.count else { return false }
        var i = 0
        while i <= h.count - n.count {
            var j = 0
            while j < n.count, (h[i + j] >= 0x41 && h[i + j] <= 0x5A ? h[i + j] | 0x20 : h[i + j]) == n[j] { j += 1 }
            if j == n.count { return true }
            i += 1
        }
        return false
    }
}
