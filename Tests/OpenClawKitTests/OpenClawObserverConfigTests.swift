import Foundation
import HealCore
import Testing
@testable import OpenClawKit

/// Issue 13, point 6 at the observer: the whole config, and `config validate` asked once per
/// version of it.
@Suite struct OpenClawObserverConfigTests {
    func observer(_ fake: FakeOpenClaw) -> OpenClawObserver {
        OpenClawObserver(runner: CommandRunner(), extraEnvironment: fake.environment)
    }

    func validates(_ fake: FakeOpenClaw) throws -> Int {
        try fake.calls().filter { $0.argv.starts(with: ["config", "validate"]) }.count
    }

    @Test func validateRunsOncePerVersionOfTheConfig() async throws {
        let fake = try FakeOpenClaw()
        let config = fake.config()
        _ = try fake.dir.write("openclaw.json", "{ gateway: { mode: 'local' }, plugins: { $include: 'p.json5' } }")
        _ = try fake.dir.write("p.json5", "{ entries: {} }")
        let observer = observer(fake)
        var (verdict, files) = await observer.observeConfig(config)
        #expect(verdict == .valid && files.files.count == 2)
        (verdict, _) = await observer.observeConfig(config)
        #expect(try validates(fake) == 1, "same bytes: the answer is remembered")
        _ = try fake.dir.write("p.json5", "{ entries: { x: { enabled: false } } }")
        (verdict, _) = await observer.observeConfig(config)
        #expect(verdict == .valid)
        #expect(try validates(fake) == 2, "an include changed: asked again")
    }

    @Test func anInvalidAnswerRefusesAndABrokenIncludeIsNotEvenAsked() async throws {
        let fake = try FakeOpenClaw(["configValid": false])
        let config = fake.config()
        _ = try fake.dir.write("openclaw.json", "{ gateway: { mode: 'remote' } }")
        let (verdict, _) = await observer(fake).observeConfig(config)
        #expect(verdict == .invalid("openclaw config validate: Config invalid: /home/u/.openclaw/openclaw.json; - gateway.mode: Invalid input"))
        let broken = try FakeOpenClaw()
        _ = try broken.dir.write("openclaw.json", "{ plugins: { $include: 'gone.json5' } }")
        let (refused, _) = await observer(broken).observeConfig(broken.config())
        #expect(refused == .invalid("$include \(broken.dir.path)/gone.json5 (from \(broken.dir.file("openclaw.json"))): no such file"))
        #expect(try validates(broken) == 0)
    }

    @Test func theCacheForgetsAfterItsAgeAndNeverKeepsATimeout() {
        let cache = ConfigValidateCache()
        let t = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(cache.answer(for: "d1", now: t) == nil)
        cache.remember(.invalid("x"), for: "d1", now: t)
        #expect(cache.answer(for: "d1", now: t.addingTimeInterval(10)) == .some(.invalid("x")))
        #expect(cache.answer(for: "d2", now: t.addingTimeInterval(10)) == nil)
        #expect(cache.answer(for: "d1", now: t.addingTimeInterval(ConfigValidateCache.maxAgeSec)) == nil)
        #expect(cache.answer(for: nil, now: t) == nil, "no digest (an unreadable file): always asked")
    }
}
