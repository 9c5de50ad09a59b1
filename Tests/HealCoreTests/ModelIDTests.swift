import Foundation
import Testing
@testable import HealCore

struct ModelIDTests {
    @Test func splitsAtTheFirstSlash() throws {
        let text = "openrouter/anthropic/claude-sonnet-4"
        let id = try #require(ModelID(text))
        #expect(id.provider == "openrouter" && id.model == "anthropic/claude-sonnet-4")
        #expect(id.description == "openrouter/anthropic/claude-sonnet-4")
        let colon = "ollama/qwen3:8b"
        #expect(ModelID(colon)?.model == "qwen3:8b")
    }

    @Test(arguments: ["", "gpt-5.2", "/gpt-5.2", "openai/", "/"])
    func needsANameOnEachSide(text: String) {
        #expect(ModelID(text) == nil)
    }

    @Test func joinsAProviderAndAModelOnce() {
        #expect(ModelID(model: "claude-opus-4-6", under: "anthropic") == "anthropic/claude-opus-4-6")
        #expect(ModelID(model: "anthropic/claude-opus-4-6", under: "anthropic") == "anthropic/claude-opus-4-6")
        #expect(ModelID(model: "anthropic/claude-3", under: "openrouter")?.description == "openrouter/anthropic/claude-3")
        #expect(ModelID(model: "openai/gpt-5.2", under: nil) == "openai/gpt-5.2")
        #expect(ModelID(model: "gpt-5.2", under: nil) == nil)
        #expect(ModelID(model: "anthropic/", under: "anthropic") == nil)
    }

    @Test func encodesAsItsTextForm() throws {
        let id: ModelID = "anthropic/claude-opus-4-6"
        let data = try JSONEncoder().encode(["model": id])
        #expect(String(decoding: data, as: UTF8.self) == #"{"model":"anthropic\/claude-opus-4-6"}"#)
        #expect(try JSONDecoder().decode([String: ModelID].self, from: data) == ["model": id])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([ModelID].self, from: Data(#"["no-slash"]"#.utf8)) }
    }

    @Test func theProviderOfAnIdStaysAsItWas() {
        #expect(ModelID(Substring("xai/grok-4"))?.provider == "xai")
        #expect(ModelID(Substring("grok-4")) == nil)
        #expect(ModelID(Substring("/grok-4")) == nil)
    }
}
