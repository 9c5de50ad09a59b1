import Glibc

/// Finds whether a byte range contains any of a few fixed markers, in one pass.
///
/// The log follower runs this on every line before any JSON decoding, so it must cost about what
/// `grep -F` costs. It is a Wu-Manber search: a window as long as the shortest marker slides over the
/// text, and the two bytes at the window's end index a table that says how far the window may jump
/// without skipping a match. Most windows jump almost their full length; only windows whose last two
/// bytes end some marker's prefix are compared byte by byte.
struct LogMarkerSearch: Sendable {
    let markers: [[UInt8]]
    /// Length of the shortest marker: the window every marker's prefix is compared in.
    private let window: Int
    /// For each two-byte block (first byte in the low half), how far the window may jump.
    private let shifts: [UInt8]
    /// For each two-byte block with a zero shift, a bit per marker whose window prefix ends with it.
    private let candidates: [UInt16]

    init(markers: [String]) {
        let bytes = markers.map { Array($0.utf8) }
        precondition(!bytes.isEmpty && bytes.count <= 16, "1 to 16 markers")
        precondition(bytes.allSatisfy { $0.count >= 2 }, "markers need at least two bytes")
        let window = min(bytes.map(\.count).min()!, 255)
        var shifts = [UInt8](repeating: UInt8(window - 1), count: 1 << 16)
        var candidates = [UInt16](repeating: 0, count: 1 << 16)
        for (index, marker) in bytes.enumerated() {
            for position in 0...(window - 2) {
                let block = Int(marker[position]) | Int(marker[position + 1]) << 8
                let shift = UInt8(window - 2 - position)
                if shift < shifts[block] { shifts[block] = shift }
                if shift == 0 { candidates[block] |= UInt16(1) << UInt16(index) }
            }
        }
        self.markers = bytes
        self.window = window
        self.shifts = shifts
        self.candidates = candidates
    }

    /// Whether `text` contains at least one marker.
    func matches(_ text: UnsafeRawBufferPointer) -> Bool {
        let count = text.count
        guard count >= window, let base = text.baseAddress else { return false }
        return shifts.withUnsafeBufferPointer { shiftTable in
            candidates.withUnsafeBufferPointer { candidateTable in
                // `end` indexes the last byte of the current window.
                var end = window - 1
                while end < count {
                    let block = Int(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: end - 1, as: UInt16.self)))
                    let shift = Int(shiftTable[block])
                    if shift != 0 {
                        end += shift
                        continue
                    }
                    var bits = candidateTable[block]
                    let start = end - (window - 1)
                    while bits != 0 {
                        let index = bits.trailingZeroBitCount
                        bits &= bits - 1
                        if occurs(markers[index], at: start, in: base, count: count) { return true }
                    }
                    end += 1
                }
                return false
            }
        }
    }

    private func occurs(_ marker: [UInt8], at start: Int, in base: UnsafeRawPointer, count: Int) -> Bool {
        guard start + marker.count <= count else { return false }
        return marker.withUnsafeBytes { needle in
            memcmp(base + start, needle.baseAddress!, marker.count) == 0
        }
    }
}
