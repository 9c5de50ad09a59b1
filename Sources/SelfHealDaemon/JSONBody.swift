import FoundationEssentials

/// JSON encoding for response bodies: sorted keys so output is stable, dates as ISO 8601.
enum JSONBody {
    static func encode<T: Encodable>(_ value: T, pretty: Bool = false) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        do {
            var bytes = Array(try encoder.encode(value))
            if pretty { bytes.append(0x0A) }
            return bytes
        } catch {
            return Array(#"{"error":"encoding_failed","message":"the response could not be encoded"}"#.utf8)
        }
    }
}
