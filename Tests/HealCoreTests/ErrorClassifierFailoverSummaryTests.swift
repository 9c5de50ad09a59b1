import Testing
@testable import HealCore

@Suite struct ErrorClassifierFailoverSummaryTests {
    @Test func eachModelGetsItsOwnReason() {
        let models = ErrorClassifier.failedModels(in: "All models failed (2): anthropic/claude-opus-4-6: 429 Too Many Requests, retry after 30 (rate_limit) | openai/gpt-5.2: LLM request timed out. (timeout)")
        #expect(models == [
            FailedModel(model: "anthropic/claude-opus-4-6",
                        classification: Classification(reason: .rateLimit, retryAfterSec: 30),
                        detail: "429 Too Many Requests, retry after 30 (rate_limit)"),
            FailedModel(model: "openai/gpt-5.2",
                        classification: Classification(reason: .timeout),
                        detail: "LLM request timed out. (timeout)"),
        ])
    }

    @Test func summaryInsideTheUserFacingCopy() {
        let models = ErrorClassifier.failedModels(in: "⚠️ Agent failed before reply: All models failed (1): custom-x/deepseek-v4-pro: Provider custom-x is in cooldown (suspending lanes) (timeout).\nLogs: openclaw logs --follow")
        #expect(models.map(\.model) == ["custom-x/deepseek-v4-pro"])
        #expect(models.first?.classification.reason == .timeout)
        #expect(models.first?.detail == "Provider custom-x is in cooldown (suspending lanes) (timeout)")
    }

    @Test func segmentsWithoutATagAreClassifiedFromTheirText() {
        let models = ErrorClassifier.failedModels(in: "All models failed (3): openrouter/anthropic/claude-sonnet-4: 401 | ollama/qwen3:8b: connect ECONNREFUSED 127.0.0.1:11434 | google/gemini-2.5-pro: 529 {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\"}}")
        #expect(models.map(\.model) == ["openrouter/anthropic/claude-sonnet-4", "ollama/qwen3:8b", "google/gemini-2.5-pro"])
        #expect(models.map(\.classification.reason) == [.auth, .timeout, .overloaded])
    }

    @Test func tagsOutsideOpenClawsNamesAreIgnored() {
        let models = ErrorClassifier.failedModels(in: "All models failed (1): a/b: insufficient credits (weird)")
        #expect(models.first?.classification.reason == .billing)
        let unknown = ErrorClassifier.failedModels(in: "All models failed (1): a/b: nothing useful (no_error_details)")
        #expect(unknown.first?.classification.reason == .unknown)
    }

    @Test(arguments: [
        "LLM request timed out.",
        "All models are fine",
        "All models failed (2) but the rest is missing",
        "All models failed (1): not-a-model: 429",
    ])
    func textsThatAreNoSummary(text: String) {
        #expect(ErrorClassifier.failedModels(in: text) == [])
    }
}
