import Testing
@testable import HealCore

struct PolicyCooldownLadderTests {
    struct Row: Sendable, CustomStringConvertible {
        let reason: FailureReason, strike: Int, cap: Int, retry: Int?, expected: Int?
        var description: String { "\(reason.rawValue) strike \(strike) cap \(cap)m retry \(retry.map(String.init) ?? "-")" }
    }

    static let rows: [Row] = [
        // The transient ladder: 1, 5, 25, 125 min, then the ceiling.
        Row(reason: .rateLimit, strike: 1, cap: 300, retry: nil, expected: 60),
        Row(reason: .rateLimit, strike: 2, cap: 300, retry: nil, expected: 300),
        Row(reason: .rateLimit, strike: 3, cap: 300, retry: nil, expected: 1500),
        Row(reason: .rateLimit, strike: 4, cap: 300, retry: nil, expected: 7500),
        Row(reason: .rateLimit, strike: 5, cap: 300, retry: nil, expected: 18000),
        Row(reason: .rateLimit, strike: 40, cap: 300, retry: nil, expected: 18000),
        Row(reason: .overloaded, strike: 1, cap: 300, retry: nil, expected: 60),
        Row(reason: .timeout, strike: 2, cap: 300, retry: nil, expected: 300),
        Row(reason: .serverError, strike: 3, cap: 300, retry: nil, expected: 1500),
        // The ceiling applies from the first strike when it is lower than the ladder.
        Row(reason: .rateLimit, strike: 2, cap: 1, retry: nil, expected: 60),
        // Auth: the ladder plus the seed's 12 h.
        Row(reason: .auth, strike: 1, cap: 300, retry: nil, expected: 60 + 43200),
        Row(reason: .auth, strike: 3, cap: 300, retry: nil, expected: 1500 + 43200),
        Row(reason: .auth, strike: 9, cap: 300, retry: nil, expected: 18000 + 43200),
        Row(reason: .authPermanent, strike: 1, cap: 300, retry: nil, expected: 18000 + 43200),
        // Billing: 5 h doubling, capped.
        Row(reason: .billing, strike: 1, cap: 300, retry: nil, expected: 18000),
        Row(reason: .billing, strike: 2, cap: 300, retry: nil, expected: 18000),
        Row(reason: .billing, strike: 1, cap: 10080, retry: nil, expected: 18000),
        Row(reason: .billing, strike: 2, cap: 10080, retry: nil, expected: 36000),
        Row(reason: .billing, strike: 3, cap: 10080, retry: nil, expected: 72000),
        Row(reason: .billing, strike: 9, cap: 10080, retry: nil, expected: 604800),
        Row(reason: .modelNotFound, strike: 1, cap: 300, retry: nil, expected: 18000),
        // Retry-After wins over the ladder, within 1 s and the ceiling.
        Row(reason: .rateLimit, strike: 4, cap: 300, retry: 90, expected: 90),
        Row(reason: .billing, strike: 1, cap: 300, retry: 120, expected: 120),
        Row(reason: .rateLimit, strike: 1, cap: 300, retry: 999_999, expected: 18000),
        Row(reason: .rateLimit, strike: 1, cap: 300, retry: 0, expected: 60),
        // Never cooled.
        Row(reason: .contextOverflow, strike: 1, cap: 300, retry: nil, expected: nil),
        Row(reason: .format, strike: 1, cap: 300, retry: 60, expected: nil),
        Row(reason: .unknown, strike: 1, cap: 300, retry: nil, expected: nil),
        Row(reason: .sessionExpired, strike: 1, cap: 300, retry: nil, expected: nil),
    ]

    @Test(arguments: rows)
    func ladder(_ row: Row) {
        #expect(CooldownLadder.seconds(for: row.reason, strike: row.strike, retryAfterSec: row.retry,
                                       cooldownMinutes: row.cap) == row.expected)
    }
}
