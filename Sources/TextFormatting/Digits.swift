/// Fixed-width numbers for the dates, clocks and escapes the healer formats by hand (HTTP dates,
/// ISO 8601 times, log file names, `\u001f`, `\x1B`).
public enum Digits {
    /// `value` in decimal with leading zeros up to `width` digits (`decimal(7, width: 2)` is `07`);
    /// a value with more digits is written whole.
    public static func decimal(_ value: Int, width: Int) -> String {
        zeroPadded(String(value), width: width)
    }

    /// `value` in hexadecimal with leading zeros up to `width` digits.
    public static func hex(_ value: UInt32, width: Int, uppercase: Bool) -> String {
        zeroPadded(String(value, radix: 16, uppercase: uppercase), width: width)
    }

    private static func zeroPadded(_ digits: String, width: Int) -> String {
        digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
