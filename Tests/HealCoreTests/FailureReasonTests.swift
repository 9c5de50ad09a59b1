import Testing
@testable import HealCore

@Test func contextOverflowIsNotAModelFailure() {
    #expect(!FailureReason.contextOverflow.isModelFailure)
    #expect(FailureReason.rateLimit.isModelFailure)
    #expect(FailureReason(rawValue: "auth_permanent") == .authPermanent)
}
