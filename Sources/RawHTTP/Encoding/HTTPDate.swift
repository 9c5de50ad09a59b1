import TextFormatting

/// IMF-fixdate (RFC 9110 section 5.6.7), e.g. `Sun, 06 Nov 1994 08:49:37 GMT`.
enum HTTPDate {
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func format(secondsSinceEpoch: Int) -> String {
        let t = CalendarFields(utc: secondsSinceEpoch)
        return "\(weekdays[t.weekday]), \(Digits.decimal(t.day, width: 2)) \(months[t.month - 1]) \(t.year) "
            + Digits.decimal(t.hour, width: 2) + ":" + Digits.decimal(t.minute, width: 2) + ":" + Digits.decimal(t.second, width: 2)
            + " GMT"
    }
}
