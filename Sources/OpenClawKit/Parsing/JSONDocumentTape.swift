/// The tape of a `JSONDocument` while `LogJSONReader.document` is filling it.
struct JSONDocumentTape {
    var entries: [JSONDocument.Entry] = []
    var decoded: [String] = []

    init(expectedBytes: Int) {
        // `cron list` has about one value per 25 bytes; a low guess only saves some reallocation,
        // a high one would hold memory for nothing.
        entries.reserveCapacity(max(16, expectedBytes / 32))
    }

    mutating func scalar(_ kind: JSONDocument.Kind, start: Int, end: Int, aux: Int = 0) {
        entries.append(JSONDocument.Entry(kind: kind, start: start, end: end, aux: aux))
    }

    mutating func escapedString(_ text: String, start: Int, end: Int) {
        decoded.append(text)
        scalar(.string, start: start, end: end, aux: decoded.count - 1)
    }

    /// Starts a container; `close` fills in where it ends once its contents are on the tape.
    mutating func open(_ kind: JSONDocument.Kind, at byte: Int) -> Int {
        entries.append(JSONDocument.Entry(kind: kind, start: byte, end: 0, aux: 0))
        return entries.count - 1
    }

    mutating func close(_ slot: Int, count: Int) {
        entries[slot].end = entries.count
        entries[slot].aux = count
    }
}
