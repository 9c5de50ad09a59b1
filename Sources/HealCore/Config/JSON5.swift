import FoundationEssentials

/// JSON5 parsing for the healer's config and OpenClaw's `openclaw.json`.
///
/// A small scanner of the JSON5 grammar (`JSON5SyntaxScanner`) checks the text first, locating the
/// first error by line and column (Foundation reports none) and finding duplicate keys; Foundation's
/// decoder (`allowsJSON5`) then builds the values. Valid means both accept it.
public enum JSON5 {
    /// Parses `text`; throws with the line and column of the first syntax error when it is known.
    ///
    /// The scanner goes first and Foundation only sees text the scanner accepts: Foundation's JSON5
    /// number reader traps (kills the process) on some malformed numbers, e.g. `{a: 0x0x0}`, and
    /// `openclaw.json` is read on every tick, so one typo there must not crash the healer.
    /// (Both found by fuzz/targets/ConfigLoaderFuzz.swift.)
    public static func parse(_ text: String) throws(JSON5SyntaxError) -> JSON5Value {
        if let located = JSON5SyntaxScanner.scan(text).firstError { throw located }
        guard let value = decodeWithFoundation(Data(text.utf8)) else {
            // Foundation rejected something the scanner accepts: say so without a position rather
            // than invent one.
            throw JSON5SyntaxError(reason: "not valid JSON5")
        }
        return value
    }

    /// Foundation's JSON5 reader, given a copy of `utf8` that ends in a newline: its number reader
    /// looks past the end of its buffer when a number is the last thing in it (`12` at the end of
    /// the text), and traps when the bytes it finds there continue the number (`.`, a digit).
    static func decodeWithFoundation(_ utf8: Data) -> JSON5Value? {
        var padded = Data(capacity: utf8.count + 1)
        padded.append(utf8)
        padded.append(0x0A)
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        return try? decoder.decode(JSON5Value.self, from: padded)
    }

    /// Every key that occurs more than once in the same object.
    public static func duplicateKeys(in text: String) -> [JSON5DuplicateKey] {
        JSON5SyntaxScanner.scan(text).duplicateKeys
    }
}
