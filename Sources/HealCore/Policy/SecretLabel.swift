/// Which identifiers label a secret value (`password=…`, `"api_key": …`, `GITHUB_TOKEN=…`), for
/// `SecretScanner`.
enum SecretLabel {
    enum Strength {
        /// Whatever value follows is a secret (unless it is a harmless word such as `none`).
        case strong
        /// A bare `key`: session keys and config keys are labelled so too, so only a value that
        /// looks like a credential is masked.
        case weak
    }

    /// Labels that name a secret even glued to other letters (`dbpassword`, `mysecret`).
    private static let anywhere = lowered([
        "password", "passwd", "secret", "apikey", "api_key", "api-key", "credential", "credentials",
        "authorization", "privatekey", "private_key", "accesskey", "access_key", "secretkey", "secret_key",
        "accesstoken", "authtoken", "refreshtoken", "apitoken", "bottoken",
    ])
    /// Labels that count only as a whole word of the identifier (`access_token`, `authToken`,
    /// `x-goog-sig`), so `tokenizer` or `monkey` are not labels.
    private static let wordOnly = lowered(["token", "pwd", "pat", "sig", "signature", "passphrase"])
    private static let weakWordOnly = lowered(["key"])
    private static let sessionKey = Array("sessionkey".utf8)

    /// Values that say something about a credential without being one.
    private static let harmless = Set([
        "none", "null", "nil", "true", "false", "undefined", "missing", "invalid", "expired", "required",
        "empty", "unset", "revoked", "redacted", "not set", "present", "absent", "provided", "set",
    ])

    private static func lowered(_ words: [String]) -> [[UInt8]] { words.map { Array($0.utf8) } }

    /// The last letters of every label above: most identifiers before a `:` or `=` end in none
    /// of them, and are refused without comparing against each label.
    private static let finalLetters: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for label in anywhere + wordOnly + weakWordOnly { table[Int(label[label.count - 1])] = true }
        return table
    }()

    static func strength(of bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Strength? {
        guard !range.isEmpty, finalLetters[Int(ASCIIClass.lowered(bytes[range.upperBound - 1]))] else { return nil }
        for label in anywhere where hasSuffix(bytes, range, label) { return .strong }
        for label in wordOnly where hasWordSuffix(bytes, range, label) { return .strong }
        for label in weakWordOnly where hasWordSuffix(bytes, range, label) {
            // `sessionKey`, `session_key`: the value is a session key, shown on purpose.
            let letters = bytes[range].filter(ASCIIClass.isAlphanumeric).map(ASCIIClass.lowered)
            return letters.count >= sessionKey.count && Array(letters.suffix(sessionKey.count)) == sessionKey ? nil : .weak
        }
        return nil
    }

    static func isHarmlessValue(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard range.count <= 12 else { return false }
        let word = String(decoding: bytes[range].map(ASCIIClass.lowered), as: UTF8.self)
        return harmless.contains(word)
    }

    private static func hasSuffix(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ label: [UInt8]) -> Bool {
        guard range.count >= label.count else { return false }
        let start = range.upperBound - label.count
        for offset in 0..<label.count where ASCIIClass.lowered(bytes[start + offset]) != label[offset] { return false }
        return true
    }

    /// The label ends the identifier and starts it, or follows `_ - .`, or starts a camel-case word.
    private static func hasWordSuffix(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ label: [UInt8]) -> Bool {
        guard hasSuffix(bytes, range, label) else { return false }
        let start = range.upperBound - label.count
        if start == range.lowerBound { return true }
        let before = bytes[start - 1]
        if !ASCIIClass.isAlphanumeric(before) { return true }
        return ASCIIClass.isUpper(bytes[start]) && (ASCIIClass.isLower(before) || ASCIIClass.isDigit(before))
    }
}
