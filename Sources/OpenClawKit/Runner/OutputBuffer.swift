/// Collects one output stream up to a cap. Past the cap the bytes are still read (so the child never
/// blocks on a full pipe) but thrown away, and the truncation is remembered.
struct OutputBuffer {
    private(set) var bytes: [UInt8] = []
    private(set) var truncated = false
    let cap: Int

    init(cap: Int) { self.cap = max(0, cap) }

    mutating func append(_ chunk: UnsafeRawBufferPointer) {
        let room = cap - bytes.count
        if chunk.count <= room {
            bytes.append(contentsOf: chunk)
        } else {
            if room > 0 { bytes.append(contentsOf: chunk.prefix(room)) }
            truncated = true
        }
    }

    /// The bytes as text; invalid UTF-8 (or a sequence cut by the cap) becomes U+FFFD.
    var text: String { String(decoding: bytes, as: UTF8.self) }
}
