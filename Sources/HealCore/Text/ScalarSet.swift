/// A set of Unicode scalars for trimming. FoundationEssentials has no `CharacterSet`, and the
/// daemon needs only these few sets; the two static ones match Foundation's sets of the same name.
public struct ScalarSet: Sendable {
    private let member: @Sendable (Unicode.Scalar) -> Bool

    public init(_ member: @escaping @Sendable (Unicode.Scalar) -> Bool) {
        self.member = member
    }

    public init(charactersIn characters: String) {
        let scalars = Set(characters.unicodeScalars)
        member = { scalars.contains($0) }
    }

    public func contains(_ scalar: Unicode.Scalar) -> Bool {
        member(scalar)
    }

    /// Tab and the space separators (general category Zs).
    public static let whitespaces = ScalarSet { scalar in
        if scalar.isASCII { return scalar == " " || scalar == "\t" }
        return scalar.properties.generalCategory == .spaceSeparator
    }

    /// The Unicode White_Space property: spaces, tabs, line and paragraph breaks, U+0085.
    public static let whitespacesAndNewlines = ScalarSet { scalar in
        if scalar.isASCII { return scalar == " " || (0x09...0x0D).contains(scalar.value) }
        return scalar.properties.isWhitespace
    }
}
