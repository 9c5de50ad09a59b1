import Logging

extension Logger.Level {
    /// Parses a `--log-level` value: `trace`, `debug`, `info`, `notice`, `warning`, `error` or
    /// `critical`, in any letter case, surrounding spaces ignored.
    public init(parsing text: String) throws(InvalidLogLevelError) {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = text.firstIndex(where: { !isSpace($0) }),
            let last = text.lastIndex(where: { !isSpace($0) }),
            let level = Logger.Level(rawValue: text[first...last].lowercased())
        else {
            throw InvalidLogLevelError(input: text)
        }
        self = level
    }
}
