import Foundation
import HealCore
import Testing
@testable import OpenClawKit

@Suite struct LogFailureDeduplicatorTests {
    func failure(_ model: String, run: String?) -> GatewayLogLineFailure {
        GatewayLogLineFailure(event: FailureEvent(at: Date(), source: .log, model: ModelID(model), errorText: ""),
                              runId: run, origin: .fallbackDecision)
    }

    /// Offers each (model, run) in turn and returns which were new.
    func offer(_ deduplicator: inout LogFailureDeduplicator, _ failures: [(String, String?)]) -> [Bool] {
        failures.map { deduplicator.isNew(failure($0.0, run: $0.1)) }
    }

    @Test func oneFailurePerRunAndModel() {
        var deduplicator = LogFailureDeduplicator()
        let fresh = offer(&deduplicator, [("a/m", "r1"), ("a/m", "r1"), ("b/m", "r1"), ("a/m", "r2")])
        #expect(fresh == [true, false, true, true])
    }

    @Test func failuresWithoutARunAreAlwaysNew() {
        var deduplicator = LogFailureDeduplicator()
        #expect(offer(&deduplicator, [("a/m", nil), ("a/m", nil), ("a/m", ""), ("a/m", "")]) == [true, true, true, true])
    }

    @Test func memoryIsBounded() {
        var deduplicator = LogFailureDeduplicator(capacity: 3)
        #expect(offer(&deduplicator, [("a/m", "r1"), ("a/m", "r2"), ("a/m", "r3"), ("a/m", "r4")]) == [true, true, true, true])
        // r1 was forgotten (oldest first); r4 is still remembered.
        #expect(offer(&deduplicator, [("a/m", "r1"), ("a/m", "r4")]) == [true, false])
    }
}
