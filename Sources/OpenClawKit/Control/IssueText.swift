import HealCore
/// Prepares an issue's title and body for `gh issue create`: secrets redacted, the body capped at
/// 8 KiB (UTF-8, cut on a character boundary, with a marker), the title kept to one line's worth.
enum IssueText {
    static let bodyCap = 8 * 1024
    static let titleCap = 256
    static let truncationMarker = "\n\n…(truncated by openclaw-self-heal)"

    static func body(_ text: String) -> String {
        cap(Redactor.redact(text), bytes: bodyCap, marker: truncationMarker)
    }

    static func title(_ text: String) -> String {
        cap(Redactor.redact(text), bytes: titleCap, marker: "…")
    }

    private static func cap(_ text: String, bytes limit: Int, marker: String) -> String {
        guard text.utf8.count > limit else { return text }
        let budget = limit - marker.utf8.count
        var kept = ""
        var used = 0
        for character in text {
            let size = character.utf8.count
            if used + size > budget { break }
            kept.append(character)
            used += size
        }
        return kept + marker
    }
}
