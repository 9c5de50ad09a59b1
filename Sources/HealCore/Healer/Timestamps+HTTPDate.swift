import FoundationEssentials

extension Timestamps {
    private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// Reads an HTTP date (RFC 9110 IMF-fixdate, `Sat, 22 Aug 2026 15:00:00 GMT`), in any letter
    /// case. The weekday must be a day's name but is not checked against the date, as HTTP
    /// recipients do.
    public static func parseHTTPDate(_ text: String) -> Date? {
        let parts = text.lowercased().split(separator: " ")
        guard parts.count == 6, parts[0].hasSuffix(","), dayNames.contains(String(parts[0].dropLast())),
              parts[1].count == 2, let day = Int(parts[1]),
              let month = monthNames.firstIndex(of: String(parts[2])),
              parts[3].count == 4, let year = Int(parts[3]),
              parts[5] == "gmt" else { return nil }
        let pad = day < 10 ? "0" : ""
        let monthText = month < 9 ? "0\(month + 1)" : "\(month + 1)"
        return parse("\(year)-\(monthText)-\(pad)\(day)T\(parts[4])Z")
    }
}
