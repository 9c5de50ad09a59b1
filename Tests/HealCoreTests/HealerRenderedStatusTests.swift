import Foundation
import Testing
@testable import HealCore
import TestSupport

struct HealerRenderedStatusTests {
    @Test func renderedStatusIsReusedUntilTheStateChangesOrTheSecondTurns() async throws {
        let box = HealerSandbox(#function); defer { box.cleanup() }
        let clock = TestClock()
        let healer = Healer(config: box.config, control: RecordingControl(stateFile: box.stateFile), clock: clock,
                            version: "t", pid: 1)
        _ = await healer.load()
        let first = await healer.renderedStatus(.json)
        #expect(try JSONDecoder().decode(StatusSnapshot.self, from: Data(first)).activeModel == box.config.modelOrder[0].description)
        let revision = await healer.revision
        #expect(await healer.renderedStatus(.json) == first)
        #expect(await healer.revision == revision, "reading the status changes nothing")

        // A failure changes what the snapshot shows: the cache must not hide it.
        let model = box.config.modelOrder[0]
        _ = await healer.ingest(FailureEvent(at: clock.now(), source: .http, model: model,
                                             errorText: "429 rate_limit_error", httpStatus: 429))
        let afterFailure = try JSONDecoder().decode(StatusSnapshot.self, from: Data(await healer.renderedStatus(.json)))
        #expect(afterFailure.models.first { $0.id == model.description }?.status == .cooldown)

        // The next second gives fresh time fields even without a change: the first request of
        // that second gets the body of the second before while the new one renders, a later
        // request the new body.
        let before = try JSONDecoder().decode(StatusSnapshot.self, from: Data(await healer.renderedStatus(.json)))
        clock.advance(1)
        let atTurn = try JSONDecoder().decode(StatusSnapshot.self, from: Data(await healer.renderedStatus(.json)))
        #expect(atTurn.generatedAt == before.generatedAt, "served at once, not after a render")
        var later = atTurn
        for _ in 0..<200 where later.generatedAt != before.generatedAt + 1 {
            try await Task.sleep(for: .milliseconds(10))
            later = try JSONDecoder().decode(StatusSnapshot.self, from: Data(await healer.renderedStatus(.json)))
        }
        #expect(later.generatedAt == before.generatedAt + 1)

        // Two seconds on, nothing that old is served: the request waits for the render.
        clock.advance(2)
        let fresh = try JSONDecoder().decode(StatusSnapshot.self, from: Data(await healer.renderedStatus(.json)))
        #expect(fresh.generatedAt == before.generatedAt + 3)

        let text = String(decoding: await healer.renderedStatus(.prometheus), as: UTF8.self)
        #expect(text.contains("openclaw_self_heal_model_cooling{model=\"\(model)\"} 1"))
    }
}
