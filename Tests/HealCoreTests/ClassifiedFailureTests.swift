import Foundation
import Testing
@testable import HealCore

/// Each failure is classified once, at its intake, and the policy takes that verdict as it is.
struct ClassifiedFailureTests {
    @Test func classifyingKeepsTheSourcesReasonAndReadsTheTextForHints() {
        let event = failure(modelA, .overloaded, text: "429 rate limit, try again in 20s")
        let classified = ClassifiedFailure(classifying: event)
        #expect(classified.classification == Classification(reason: .overloaded, retryAfterSec: 20))
        #expect(classified.event == event)
        #expect(classified.model == modelA)  // the event's fields read through
    }

    @Test func classifyingWithoutAReasonRunsTheClassifier() {
        let event = FailureEvent(at: t0, source: .http, model: modelA, errorText: "Overloaded", httpStatus: 529)
        #expect(ClassifiedFailure(classifying: event).classification.reason == .overloaded)
    }

    @Test func aWaitTheSourceGaveMakesTheTextMoot() {
        let event = failure(modelA, .rateLimit, text: "try again in 20s", retryAfter: 600)
        #expect(ClassifiedFailure(classifying: event).classification == Classification(reason: .rateLimit, retryAfterSec: 600))
    }

    @Test func aClassifiedEventCarriesItsOwnVerdict() {
        let reset = t0.addingTimeInterval(900)
        var event = failure(modelA, .billing, text: "429 rate_limit_error")
        event.resetAt = reset
        #expect(ClassifiedFailure(classified: event).classification == Classification(reason: .billing, resetAt: reset))
    }

    /// The text says rate limit and a 20 s wait; the verdict handed in says timeout with no wait.
    /// The policy follows the verdict: it did not classify the text again.
    @Test func thePolicyTakesTheVerdictWithoutReadingTheTextAgain() {
        let event = FailureEvent(at: t0, source: .log, model: modelA, errorText: "429 rate limit, try again in 20s")
        let handed = ClassifiedFailure(event: event, classification: Classification(reason: .timeout))
        var state = HealState()
        let (_, verdict) = Policy.ingest(state: &state, failure: handed, context: PolicyContext(), now: t0, config: makeConfig())
        #expect(verdict.reason == .timeout)
        #expect(verdict.retryAfterSec != 20)

        let reread = Policy.ingest(state: HealState(), event: event, context: PolicyContext(), now: t0, config: makeConfig()).verdict
        #expect(reread.reason == .rateLimit && reread.retryAfterSec == 20)
    }

    @Test func bothEntryPointsDecideTheSame() {
        let event = failure(modelA, nil, text: "503 upstream connect error, retry after 30 seconds")
        let viaEvent = Policy.ingest(state: HealState(), event: event, context: PolicyContext(), now: t0, config: makeConfig())
        var state = HealState()
        let viaFailure = Policy.ingest(state: &state, failure: ClassifiedFailure(classifying: event),
                                       context: PolicyContext(), now: t0, config: makeConfig())
        #expect(viaEvent.verdict == viaFailure.verdict)
        #expect(viaEvent.result.state == state)
        #expect(viaEvent.result.decisions == viaFailure.decisions)
    }
}
