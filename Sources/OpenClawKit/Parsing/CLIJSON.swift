import FoundationEssentials

/// Finds the JSON document in a CLI's stdout.
///
/// Older OpenClaw versions print plugin-loader log lines to stdout before the JSON, and those lines
/// may themselves contain `{` (`info {"plugin":"lossless-claw"} [lcm] …`), so a greedy
/// `\{[\s\S]*\}` match is wrong. The rule (docs/OPENCLAW.md §0.1): parse the whole output first; if that
/// fails, parse from each line that *begins* with `{` (or `[` for list commands) in turn, first to
/// the end of the output and then up to the last line that begins with the matching closer (a log
/// line printed after the JSON).
enum CLIJSON {
    /// How many candidate starting lines are tried before giving up (bounds the work on garbage).
    static let maxCandidates = 64

    static func parse(_ stdout: String, allowArray: Bool = false) -> JSONNode? {
        let trimmed = stdout.trimming(.whitespacesAndNewlines)
        if trimmed.isEmpty { return nil }
        if let whole = decode(Substring(trimmed)) { return whole }

        let lines = trimmed.split(separator: "\n", omittingEmptySubsequences: false)
        var attempts = 0
        for (index, line) in lines.enumerated() {
            guard let opener = line.first, opener == "{" || (allowArray && opener == "[") else { continue }
            attempts += 1
            if attempts > maxCandidates { break }
            let rest = lines[index...]
            if let value = decode(Substring(rest.joined(separator: "\n"))) { return value }
            let closer: Character = opener == "{" ? "}" : "]"
            if let last = rest.lastIndex(where: { $0.first == closer }), last < rest.endIndex - 1,
               let value = decode(Substring(lines[index...last].joined(separator: "\n"))) {
                return value
            }
        }
        return nil
    }

    private static func decode(_ text: Substring) -> JSONNode? {
        try? JSONNode.decode(Data(text.utf8))
    }

    /// The start of a non-JSON output, quoted in error messages.
    static func excerpt(_ text: String, limit: Int = 80) -> String {
        let flat = text.trimming(.whitespacesAndNewlines)
            .replacing("\n", with: " ⏎ ")
        return flat.count > limit ? String(flat.prefix(limit)) + "…" : flat
    }
}
