import Foundation

/// JSON5 parsing for the healer's config and OpenClaw's `openclaw.json`.
///
/// Foundation's decoder (`allowsJSON5`) decides what is valid, so the healer accepts exactly what
/// the platform's JSON5 reader accepts. Foundation reports no position for a syntax error, so a
/// small scanner of the JSON5 grammar (`JSON5SyntaxScanner`) locates the first error by line and
/// column, and also finds duplicate keys.
public enum JSON5 {
    /// Parses `text`; throws with the line and column of the first syntax error when it is known.
    public static func parse(_ text: String) throws(JSON5SyntaxError) -> JSON5Value {
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        do {
            return try decoder.decode(JSON5Value.self, from: Data(text.utf8))
        } catch {
            if let located = JSON5SyntaxScanner.scan(text).firstError { throw located }
            // Foundation rejected something the scanner accepts: say so without a position rather
            // than invent one.
            throw JSON5SyntaxError(reason: "not valid JSON5")
        }
    }

    /// Every key that occurs more than once in the same object.
    public static func duplicateKeys(in text: String) -> [JSON5DuplicateKey] {
        JSON5SyntaxScanner.scan(text).duplicateKeys
    }
}
