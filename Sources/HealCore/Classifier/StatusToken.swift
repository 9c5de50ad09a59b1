/// Finds HTTP status codes written in an error text, and only there: `429` in
/// `429 {"type":"error"…}`, `HTTP 401:`, `"status": 402` or `…/claude-opus-4-6: 429 …` is a
/// status; the same digits inside an id (`req_4290ab`), a timestamp (`2026-04-29T10:14:29.429Z`),
/// a port (`localhost:429`), a version (`1.429.0`) or a longer number (`14290`) are not. The
/// original plugin's bare `/429/` matched all of those.
enum StatusToken {
    /// Whether `code` occurs in `text` as a standalone status number.
    static func occurs(_ code: Int, in text: String) -> Bool {
        occurs(code, in: Array(text.utf8))
    }

    static func occurs(_ code: Int, in bytes: [UInt8]) -> Bool {
        let digits = Array(String(code).utf8)
        guard bytes.count >= digits.count else { return false }
        var i = 0
        while i <= bytes.count - digits.count {
            if bytes[i..<(i + digits.count)].elementsEqual(digits),
               standsAlone(bytes, start: i, end: i + digits.count) {
                return true
            }
            i += 1
        }
        return false
    }

    /// Before the number: start, space or an opening/separating mark, never a letter, digit, or
    /// the `_ - . : / # $ +` that glue numbers into ids, dates, times, ports, paths and versions.
    /// After it: end, space, or punctuation that ends a token; a `.`, `:` or `,` only when no
    /// digit or letter follows (so `429.5` and `429:10` are not statuses but `got 429.` is).
    private static func standsAlone(_ b: [UInt8], start: Int, end: Int) -> Bool {
        if start > 0 {
            let c = b[start - 1]
            if TextScan.isWordByte(c) || "-.:/#$+@=".utf8.contains(c) {
                // `status=429` and `code: 429` are written statuses; `=`/`:` glue only otherwise.
                guard c == 0x3D || c == 0x3A, precededByStatusKey(b, colonAt: start - 1) else { return false }
            }
        }
        if end < b.count {
            let c = b[end]
            if TextScan.isWordByte(c) || c == 0x2D /* - */ { return false }
            if ".:,".utf8.contains(c), end + 1 < b.count, TextScan.isWordByte(b[end + 1]) { return false }
        }
        return true
    }

    /// Whether the `=` or `:` at `index` follows a key such as `status`, `"status"` or `code`.
    private static func precededByStatusKey(_ b: [UInt8], colonAt index: Int) -> Bool {
        var j = index - 1
        while j >= 0, b[j] == 0x20 || b[j] == 0x22 || b[j] == 0x27 { j -= 1 }  // spaces and quotes
        var word: [UInt8] = []
        while j >= 0, TextScan.isWordByte(b[j]) { word.insert(b[j], at: 0); j -= 1 }
        let key = String(decoding: word, as: UTF8.self).lowercased()
        return ["status", "statuscode", "status_code", "httpstatus", "http_status", "httpcode", "http_code", "code"].contains(key)
    }
}
