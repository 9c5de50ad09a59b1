import Glibc

/// The current Date header value, formatted at most once per second per event loop.
struct HTTPDateCache {
    private var second = -1
    private var bytes: [UInt8] = []

    mutating func current() -> [UInt8] {
        let now = time(nil)
        if now != second {
            second = now
            bytes = Array(HTTPDate.format(secondsSinceEpoch: now).utf8)
        }
        return bytes
    }
}
