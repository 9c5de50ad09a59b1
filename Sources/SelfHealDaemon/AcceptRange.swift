/// One media range of an Accept header (RFC 9110 §12.5.1): type/subtype and its q-value.
struct AcceptRange: Equatable {
    var mediaType: String
    var q: Double

    /// Parses a comma-separated Accept value. Malformed q-values count as q=1 (lenient, like most
    /// servers); parameters other than q are ignored for matching.
    static func parseList(_ header: String) -> [AcceptRange] {
        header.split(separator: ",").compactMap { element in
            let parts = element.split(separator: ";").map { $0.trimming(.whitespaces) }
            guard let type = parts.first?.lowercased(), type.contains("/") else { return nil }
            var q = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map {
                    $0.trimming(.whitespaces)
                }
                if pair.count == 2, pair[0].lowercased() == "q", let value = Double(pair[1]), value >= 0, value <= 1 {
                    q = value
                }
            }
            return AcceptRange(mediaType: type, q: q)
        }
    }
}
