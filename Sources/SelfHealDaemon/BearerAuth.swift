/// Checks `Authorization: Bearer <token>` in constant time.
public struct BearerAuth: Sendable {
    private let expected: [UInt8]

    public init(token: String) { expected = Array(token.utf8) }

    /// True when the header carries exactly the token. The comparison touches every byte of the
    /// longer of the two, so timing does not reveal how much of a guess was right.
    public func authorizes(headerValue: String?) -> Bool {
        guard let headerValue else { return false }
        let trimmed = headerValue.drop(while: { $0 == " " })
        guard trimmed.count > 7, trimmed.prefix(7).lowercased() == "bearer " else { return false }
        let given = Array(trimmed.dropFirst(7).drop(while: { $0 == " " }).utf8)
        return BearerAuth.constantTimeEquals(given, expected)
    }

    static func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = a.count ^ b.count
        let length = max(a.count, b.count)
        for index in 0..<length {
            let x = index < a.count ? a[index] : 0
            let y = index < b.count ? b[index] : 0
            difference |= Int(x ^ y)
        }
        return difference == 0 && !b.isEmpty
    }
}
