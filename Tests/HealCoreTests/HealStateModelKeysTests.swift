import Foundation
import Testing
@testable import HealCore

/// The model ids in the state are `ModelID` values; on disk they stay the `provider/model` text
/// earlier versions wrote, so a state file written before loads and is written back unchanged.
struct HealStateModelKeysTests {
    /// A state file as the version that kept model ids as text wrote it (the groups that name models).
    static let savedBefore = #"""
    {
      "version" : 1,
      "incidentCounter" : 7,
      "models" : {
        "anthropic/claude-opus-4-6" : {
          "cooldown" : {
            "evidence" : "429 rate_limit_error",
            "reason" : "rate_limit",
            "retryAfterSec" : 300,
            "since" : 1788000000.25,
            "source" : "log",
            "until" : 1788000300.5
          },
          "lastHitAt" : 1788000000.25,
          "lastReason" : "rate_limit",
          "profileUntil" : {
            "anthropic:work" : 1788000300.5
          },
          "strikes" : 2
        },
        "openrouter/anthropic/claude-sonnet-4" : {
          "lastHitAt" : 1787990000,
          "lastReason" : "overloaded",
          "profileUntil" : {

          },
          "strikes" : 1
        }
      },
      "pins" : {
        "agent:main:main" : {
          "at" : 1788000001,
          "lastAttemptAt" : 1788000001,
          "original" : "anthropic/claude-opus-4-6",
          "originalHadOverride" : true,
          "originalSource" : "user",
          "repinnedTo" : "openai/gpt-5.2"
        }
      },
      "probes" : {
        "goodStreak" : {
          "anthropic/claude-opus-4-6" : 1
        },
        "lastProbeAt" : {
          "anthropic/claude-opus-4-6" : 1788000302
        },
        "recent" : [
          1788000302
        ]
      }
    }
    """#

    func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func aStateFileWrittenBeforeLoadsAsModelIDs() throws {
        let s = try StateStore.decoder().decode(HealState.self, from: Data(Self.savedBefore.utf8))
        let opus = ModelID(provider: "anthropic", model: "claude-opus-4-6")
        #expect(s.models[opus]?.strikes == 2 && s.models[opus]?.cooldown?.reason == .rateLimit)
        #expect(s.models[ModelID(provider: "openrouter", model: "anthropic/claude-sonnet-4")]?.strikes == 1)
        #expect(s.pins["agent:main:main"]?.original == opus)
        #expect(s.pins["agent:main:main"]?.repinnedTo == ModelID(provider: "openai", model: "gpt-5.2"))
        #expect(s.probes.goodStreak == [opus: 1])
        #expect(s.probes.lastProbeAt[opus] == Date(timeIntervalSince1970: 1_788_000_302))
    }

    @Test func aStateFileWrittenBeforeIsWrittenBackUnchanged() throws {
        let before = try object(Data(Self.savedBefore.utf8))
        let loaded = try StateStore.decoder().decode(HealState.self, from: Data(Self.savedBefore.utf8))
        let after = try object(StateStore.encoder().encode(loaded))
        for (group, value) in before {
            #expect(NSDictionary(dictionary: [group: value]).isEqual(to: [group: after[group] as Any]), "\(group)")
        }
    }

    /// A bare name as a key (no `provider/`) names no model the healer can act on: it is dropped,
    /// and the rest of the file still loads.
    @Test func aKeyThatIsNoModelIDIsDroppedNotFatal() throws {
        let text = #"{"version":1,"models":{"claude-opus":{"strikes":1},"openai/gpt-5.2":{"strikes":3}},"probes":{"recent":[],"goodStreak":{"claude-opus":2},"lastProbeAt":{}}}"#
        let s = try StateStore.decoder().decode(HealState.self, from: Data(text.utf8))
        #expect(Array(s.models.keys) == [ModelID(provider: "openai", model: "gpt-5.2")])
        #expect(s.models.values.first?.strikes == 3)
        #expect(s.probes.goodStreak.isEmpty)
    }
}
