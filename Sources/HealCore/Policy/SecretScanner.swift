/// The byte scanner behind `Redactor.redact`: one pass over the UTF-8 bytes, no regex.
///
/// Why by hand: Swift Regex's `\b` is a Unicode word boundary, so a key glued to a letter, `_`,
/// `.` or `:` slipped through, and the regex engine cost more per byte than the rest of the hot
/// output paths together. Every rule here looks at the bytes around a trigger, whatever comes
/// before it; a key glued to a letter or digit must look random (long, with upper and lower case
/// and a digit) so that words such as `risk-assessment` stay readable.
///
/// Every masked range starts and ends next to an ASCII byte (or the end of the text), so the
/// output is valid UTF-8 whenever the input is.
struct SecretScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var output: [UInt8] = []
    /// `bytes[..<copied]` is already represented in `output`.
    private var copied = 0
    private(set) var changed = false

    static let mask: [UInt8] = Array("[REDACTED]".utf8)

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The redacted bytes; only meaningful when `changed`.
    mutating func run() -> [UInt8] {
        let count = bytes.count
        var index = 0
        while index < count {
            if var range = secret(at: index) {
                // What stands between the trigger and the secret can hold a secret of its own
                // (the user name of `https://user:password@host`): scan it first.
                if range.lowerBound > index + 1 { scanGap(index + 1..<range.lowerBound) }
                replace(range)
                // A body can swallow the start of the next secret: the word of a scheme
                // (`…eyJzdWIiOiBearer tok`) or the letters of a prefix (`ghp_…abcghp_…`). What
                // that secret has beyond the masked range must go too.
                while let rest = continuation(of: range) {
                    replace(rest)
                    range = rest
                }
                index = range.upperBound
            } else {
                index += 1
            }
        }
        if changed { output.append(contentsOf: bytes[copied..<count]) }
        return output
    }

    /// Masks the secrets that start inside `gap`, cut at its end (what follows is the secret
    /// the gap leads to, masked next). A secret glued to the end of one masked here is masked
    /// too, as in the main pass (`…sk-…ceya29.<token>` in a URL's user name).
    private mutating func scanGap(_ gap: Range<Int>) {
        var j = gap.lowerBound
        while j < gap.upperBound {
            if let range = secret(at: j), range.lowerBound >= j, range.lowerBound < gap.upperBound {
                var cut = range.lowerBound..<min(range.upperBound, gap.upperBound)
                replace(cut)
                while let rest = continuation(of: cut), rest.lowerBound < gap.upperBound {
                    cut = rest.lowerBound..<min(rest.upperBound, gap.upperBound)
                    replace(cut)
                }
                j = cut.upperBound
            } else {
                j += 1
            }
        }
    }

    private mutating func replace(_ range: Range<Int>) {
        if !changed {
            output.reserveCapacity(bytes.count + 16)
            changed = true
        }
        output.append(contentsOf: bytes[copied..<range.lowerBound])
        output.append(contentsOf: Self.mask)
        copied = range.upperBound
    }

    // MARK: - Triggers

    /// The range to mask for a secret whose trigger is at `index`, or nil.
    private func secret(at index: Int) -> Range<Int>? {
        switch bytes[index] {
        case UInt8(ascii: "s"):
            return prefixed(index, Self.sk, body: .keyChars, loose: 8, strict: 20)
        case UInt8(ascii: "g"):
            for prefix in Self.githubPrefixes {
                if let r = prefixed(index, prefix, body: .alphanumeric, loose: 16, strict: 30) { return r }
            }
            return prefixed(index, Self.githubPAT, body: .word, loose: 16, strict: 30)
                ?? prefixed(index, Self.gitlab, body: .keyChars, loose: 16, strict: 20)
        case UInt8(ascii: "x"):
            for prefix in Self.slackPrefixes {
                if let r = prefixed(index, prefix, body: .keyChars, loose: 8, strict: 20) { return r }
            }
            return nil
        case UInt8(ascii: "A"):
            return prefixed(index, Self.googleKey, body: .keyChars, loose: 20, strict: 30) ?? awsAccessKey(index)
        case UInt8(ascii: "y"):
            return prefixed(index, Self.googleOAuth, body: .keyChars, loose: 20, strict: 30)
        case UInt8(ascii: "e"):
            return jsonWebToken(index)
        case UInt8(ascii: "b"), UInt8(ascii: "B"):
            return authorizationScheme(index)
        case UInt8(ascii: ":"):
            return telegramBotToken(colon: index) ?? urlPassword(index) ?? labelledValue(separator: index, length: 1)
        case UInt8(ascii: "="):
            return labelledValue(separator: index, length: 1)
        case UInt8(ascii: "%"):
            // `%3D` / `%3A`: a label and its value inside a URL-encoded string.
            guard index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "3") else { return nil }
            let next = bytes[index + 2] | 0x20
            guard next == UInt8(ascii: "d") || next == UInt8(ascii: "a") else { return nil }
            return labelledValue(separator: index, length: 3)
        default:
            return nil
        }
    }

    // MARK: - Prefixed keys

    enum BodyChars {
        /// `A-Z a-z 0-9 _ -`
        case keyChars
        /// `A-Z a-z 0-9`
        case alphanumeric
        /// `A-Z a-z 0-9 _`
        case word

        func contains(_ b: UInt8) -> Bool {
            if ASCIIClass.isAlphanumeric(b) { return true }
            switch self {
            case .keyChars: return b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
            case .alphanumeric: return false
            case .word: return b == UInt8(ascii: "_")
            }
        }
    }

    /// `prefix` then at least `loose` body characters; after a letter or digit at least `strict`
    /// that look random. Masks the body, keeping the prefix.
    private func prefixed(_ index: Int, _ prefix: [UInt8], body: BodyChars, loose: Int, strict: Int) -> Range<Int>? {
        guard matches(prefix, at: index) else { return nil }
        let start = index + prefix.count
        var end = start
        while end < bytes.count, body.contains(bytes[end]) { end += 1 }
        let glued = index > 0 && ASCIIClass.isAlphanumeric(bytes[index - 1])
        if glued {
            guard end - start >= strict, looksRandom(start..<end) else { return nil }
        } else {
            guard end - start >= loose else { return nil }
        }
        return start..<end
    }

    /// AWS access key ids (`AKIA` and the other documented prefixes, 16 more upper-case letters
    /// and digits), and the 40-character secret key when it follows the id closely, as it does in
    /// credential files, CSV exports and error texts.
    private func awsAccessKey(_ index: Int) -> Range<Int>? {
        guard index + 20 <= bytes.count else { return nil }
        guard Self.awsPrefixes.contains(where: { matches($0, at: index) }) else { return nil }
        let start = index + 4
        var hasDigit = false
        for i in start..<start + 16 {
            let b = bytes[i]
            guard ASCIIClass.isUpper(b) || ASCIIClass.isDigit(b) else { return nil }
            if ASCIIClass.isDigit(b) { hasDigit = true }
        }
        var end = start + 16
        if end < bytes.count, ASCIIClass.isAlphanumeric(bytes[end]) { return nil }
        if index > 0, ASCIIClass.isAlphanumeric(bytes[index - 1]), !hasDigit { return nil }
        // The secret: within three separator bytes, exactly 40 of base64 without `=`.
        var gap = end
        while gap < bytes.count, gap - end < 3, Self.awsSeparators.contains(bytes[gap]) { gap += 1 }
        if gap > end {
            var secretEnd = gap
            while secretEnd < bytes.count, Self.isAWSSecretByte(bytes[secretEnd]) { secretEnd += 1 }
            if secretEnd - gap == 40 { end = secretEnd }
        }
        return start..<end
    }

    private static let awsSeparators: [UInt8] = Array(" \t,;:=|\"'".utf8)

    private static func isAWSSecretByte(_ b: UInt8) -> Bool {
        ASCIIClass.isAlphanumeric(b) || b == UInt8(ascii: "/") || b == UInt8(ascii: "+")
    }

    /// `eyJ…` (base64url of `{"`), a dot, a payload, and optionally a dot and a signature.
    private func jsonWebToken(_ index: Int) -> Range<Int>? {
        guard matches(Self.jwt, at: index) else { return nil }
        let start = index + 3
        var i = start
        while i < bytes.count, Self.isBase64URL(bytes[i]) { i += 1 }
        guard i - start >= 8, i < bytes.count, bytes[i] == UInt8(ascii: ".") else { return nil }
        let payload = i + 1
        i = payload
        while i < bytes.count, Self.isBase64URL(bytes[i]) { i += 1 }
        guard i - payload >= 4 else { return nil }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < bytes.count, Self.isBase64URL(bytes[i]) { i += 1 }
        }
        return start..<i
    }

    private static func isBase64URL(_ b: UInt8) -> Bool {
        ASCIIClass.isAlphanumeric(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
    }

    /// `<bot id of 8 or more digits>:AA<at least 30 more>`; the id stays, the secret goes.
    private func telegramBotToken(colon: Int) -> Range<Int>? {
        guard colon >= 8, matches(Self.telegramSecret, at: colon) else { return nil }
        for i in colon - 8..<colon where !ASCIIClass.isDigit(bytes[i]) { return nil }
        let start = colon + 1
        var end = start + 2
        while end < bytes.count, BodyChars.keyChars.contains(bytes[end]) { end += 1 }
        return end - start >= 32 ? start..<end : nil
    }

    /// `Bearer <credential>` / `Basic <credential>`, wherever the word stands (a header glued to
    /// its name, `authorization:Bearer …`). A credential must not read like a word.
    private func authorizationScheme(_ index: Int) -> Range<Int>? {
        let length: Int
        if matchesIgnoringCase(Self.bearer, at: index) { length = 6 }
        else if matchesIgnoringCase(Self.basic, at: index) { length = 5 }
        else { return nil }
        var start = index + length
        guard start < bytes.count, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") else { return nil }
        while start < bytes.count, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start += 1 }
        var end = start
        while end < bytes.count, Self.isCredentialByte(bytes[end]) { end += 1 }
        guard end - start >= 8, looksLikeCredential(start..<end) else { return nil }
        return start..<end
    }

    private static func isCredentialByte(_ b: UInt8) -> Bool {
        if ASCIIClass.isAlphanumeric(b) { return true }
        switch b {
        case UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "+"), UInt8(ascii: "/"),
             UInt8(ascii: "="), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    /// The part beyond `range` of a secret whose trigger lies in the last bytes of `range` (as
    /// far back as the longest prefix, `github_pat_`). The range's first byte counts too: a
    /// labelled value can itself be a scheme word (`Authorization: Basic Bearer <credential>`),
    /// and no rule's range starts at its own trigger, so this never finds the same secret again.
    private func continuation(of range: Range<Int>) -> Range<Int>? {
        let end = range.upperBound
        for start in max(range.lowerBound, end - 11)..<end {
            if let next = secret(at: start), next.upperBound > end {
                return max(next.lowerBound, end)..<next.upperBound
            }
        }
        return nil
    }

    /// `scheme://user:password@host`: the password goes.
    private func urlPassword(_ colon: Int) -> Range<Int>? {
        guard matches(Self.schemeSeparator, at: colon), colon > 0, ASCIIClass.isAlphanumeric(bytes[colon - 1]) else { return nil }
        let userStart = colon + 3
        var i = userStart
        let limit = min(bytes.count, userStart + 512)
        while i < limit, Self.isUserInfoByte(bytes[i]), bytes[i] != UInt8(ascii: ":") { i += 1 }
        guard i < limit, bytes[i] == UInt8(ascii: ":"), i > userStart else { return nil }
        let start = i + 1
        var end = start
        while end < limit, Self.isUserInfoByte(bytes[end]) { end += 1 }
        guard end < limit, bytes[end] == UInt8(ascii: "@"), end > start else { return nil }
        if isMask(at: start) && start + Self.mask.count == end { return nil }
        return start..<end
    }

    private static func isUserInfoByte(_ b: UInt8) -> Bool {
        guard b > 0x20, b < 0x7F else { return b >= 0x80 }
        switch b {
        case UInt8(ascii: "@"), UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "\""),
             UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\\"):
            return false
        default:
            return true
        }
    }

    // MARK: - Labelled values

    /// `label <sep> value` where the label (the identifier just before the separator, past any
    /// closing quote and spaces) names a secret: `password=…`, `"api_key": "…"`,
    /// `ANTHROPIC_API_KEY=…`, `x-api-key: …`, `\"token\":\"…\"`, `key%3D…`.
    private func labelledValue(separator: Int, length: Int) -> Range<Int>? {
        // The label, backwards.
        var i = separator - 1
        var skipped = 0
        while i >= 0, skipped < 4, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") { i -= 1; skipped += 1 }
        skipped = 0
        while i >= 0, skipped < 3, Self.isQuote(bytes[i]) { i -= 1; skipped += 1 }
        let labelEnd = i + 1
        while i >= 0, labelEnd - i <= 64, Self.isLabelByte(bytes[i]) { i -= 1 }
        let labelStart = i + 1
        guard labelStart < labelEnd, let strength = SecretLabel.strength(of: bytes, labelStart..<labelEnd) else { return nil }

        // The value, forwards.
        var v = separator + length
        skipped = 0
        while v < bytes.count, skipped < 4, bytes[v] == UInt8(ascii: " ") || bytes[v] == UInt8(ascii: "\t") { v += 1; skipped += 1 }
        var quote: UInt8?
        skipped = 0
        while v < bytes.count, skipped < 3, Self.isQuote(bytes[v]) {
            if bytes[v] != UInt8(ascii: "\\") { quote = bytes[v] }
            v += 1; skipped += 1
        }
        if isMask(at: v) { return nil }
        // `Authorization: Bearer <credential>`: keep the scheme.
        for scheme in Self.schemes where matchesIgnoringCase(scheme, at: v) {
            v += scheme.count
            while v < bytes.count, bytes[v] == UInt8(ascii: " ") { v += 1 }
            if isMask(at: v) { return nil }
            break
        }
        var end = v
        while end < bytes.count, !isValueEnd(bytes[end], quote: quote) { end += 1 }
        guard end - v >= 3 else { return nil }
        if SecretLabel.isHarmlessValue(bytes, v..<end) { return nil }
        if strength == .weak {
            // A bare `key` labels session keys and config keys as often as secrets.
            guard end - v >= 8, looksLikeCredential(v..<end), !bytes[v..<end].contains(UInt8(ascii: ":")),
                  bytes[v..<end].contains(where: ASCIIClass.isDigit) else { return nil }
        }
        return v..<end
    }

    private func isValueEnd(_ b: UInt8, quote: UInt8?) -> Bool {
        if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") || b == UInt8(ascii: "\\") { return true }
        if let quote { return b == quote }
        if b <= 0x20 || b == 0x7F { return true }
        switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "&"),
             UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: "["), UInt8(ascii: ")"), UInt8(ascii: ">"),
             UInt8(ascii: "<"):
            return true
        default:
            return false
        }
    }

    private static func isQuote(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "\\")
    }

    private static func isLabelByte(_ b: UInt8) -> Bool {
        ASCIIClass.isAlphanumeric(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
    }

    // MARK: - Shapes

    /// Long enough and mixed: upper and lower case letters and a digit (case-less families only
    /// need the digit, checked by their callers).
    private func looksRandom(_ range: Range<Int>) -> Bool {
        var upper = false, lower = false, digit = false
        for i in range {
            let b = bytes[i]
            if ASCIIClass.isUpper(b) { upper = true } else if ASCIIClass.isLower(b) { lower = true } else if ASCIIClass.isDigit(b) { digit = true }
        }
        return upper && lower && digit
    }

    /// Not a plain word: a digit, a symbol, or a capital after the first letter.
    private func looksLikeCredential(_ range: Range<Int>) -> Bool {
        for i in range {
            let b = bytes[i]
            if ASCIIClass.isLower(b) { continue }
            if ASCIIClass.isUpper(b) && i == range.lowerBound { continue }
            return true
        }
        return false
    }

    private func isMask(at index: Int) -> Bool {
        guard index + Self.mask.count <= bytes.count else { return false }
        for (offset, b) in Self.mask.enumerated() where bytes[index + offset] != b { return false }
        return true
    }

    private func matches(_ literal: [UInt8], at index: Int) -> Bool {
        guard index + literal.count <= bytes.count else { return false }
        for offset in 0..<literal.count where bytes[index + offset] != literal[offset] { return false }
        return true
    }

    /// `literal` is lower case.
    private func matchesIgnoringCase(_ literal: [UInt8], at index: Int) -> Bool {
        guard index + literal.count <= bytes.count else { return false }
        for offset in 0..<literal.count where ASCIIClass.lowered(bytes[index + offset]) != literal[offset] { return false }
        return true
    }

    private static func literals(_ texts: [String]) -> [[UInt8]] { texts.map { Array($0.utf8) } }
    private static let githubPrefixes = literals(["ghp_", "gho_", "ghu_", "ghs_", "ghr_"])
    private static let slackPrefixes = literals(["xoxb-", "xoxp-", "xoxa-", "xoxo-", "xoxs-", "xoxr-", "xoxe-", "xapp-"])
    private static let awsPrefixes = literals(["AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AIPA", "ANPA", "ANVA", "APKA", "AROA"])
    private static let schemes = literals(["bearer ", "basic ", "token ", "digest "])
    private static let sk = Array("sk-".utf8), githubPAT = Array("github_pat_".utf8), gitlab = Array("glpat-".utf8)
    private static let googleKey = Array("AIza".utf8), googleOAuth = Array("ya29.".utf8), jwt = Array("eyJ".utf8)
    private static let telegramSecret = Array(":AA".utf8), schemeSeparator = Array("://".utf8)
    private static let bearer = Array("bearer".utf8), basic = Array("basic".utf8)
}
