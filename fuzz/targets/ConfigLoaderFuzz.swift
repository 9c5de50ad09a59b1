// libFuzzer target for the JSON5 config loader (`ConfigLoader.load(text:path:environment:)`).
// Compiled against a HealCore module built with testing enabled (see fuzz/build.sh).
//
// For every input (taken as UTF-8, invalid sequences repaired as Swift's String does):
// - loading never traps and is deterministic (the same text gives the same result twice);
// - a loaded config keeps every integer key inside its documented range, has 1 to 64 distinct
//   `provider/model` ids, and diffs as unchanged against itself;
// - an object or array the JSON5 reader accepts is also accepted by the syntax scanner that finds duplicate
//   keys and error positions: if the scanner stopped early on valid input, a duplicated key could
//   slip through unreported;
// - a text with a duplicated key is never loaded;
// - every error names a message.
// A broken property traps, which libFuzzer reports as a crash with the input saved.
import Foundation
@testable import HealCore

@_cdecl("LLVMFuzzerTestOneInput")
public func configLoaderFuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    ConfigLoaderFuzz.check(text)
    return 0
}

enum ConfigLoaderFuzz {
    static let environment = ConfigEnvironment(variables: ["HOME": "/home/fuzz"], homeDirectory: "/home/fuzz")

    static func check(_ text: String) {
        let first = load(text)
        let second = load(text)
        require(first == second, "loading twice gave different results", text)

        let scan = JSON5SyntaxScanner.scan(text)
        // Only containers: Foundation's reader also takes a number followed by one NUL byte ("0\0"),
        // which the scanner rejects; a bare number is never a config, so that quirk is harmless.
        if let parsed = try? JSON5.parse(text), parsed.isContainer {
            require(scan.firstError == nil,
                    "the JSON5 reader accepts the text but the scanner reports \(scan.firstError.map { "\($0)" } ?? "")", text)
            _ = parsed.shortDescription
        }
        switch first {
        case .success(let loaded):
            require(scan.duplicateKeys.isEmpty, "loaded a config with a duplicated key", text)
            checkRanges(loaded.config, text)
        case .failure(let failure):
            require(!failure.errors.isEmpty, "a failure without errors", text)
            for error in failure.errors { require(!error.message.isEmpty, "an error without a message", text) }
            _ = failure.description
        }
    }

    static func load(_ text: String) -> Result<LoadedConfig, ConfigLoadFailure> {
        do { return .success(try ConfigLoader.load(text: text, path: "/etc/openclaw-self-heal/fuzz.json5", environment: environment)) }
        catch { return .failure(error) }
    }

    static func checkRanges(_ config: HealConfig, _ text: String) {
        for field in ConfigSchema.fields {
            if case .integer(let keyPath, let range) = field.kind {
                require(range.contains(config[keyPath: keyPath]), "\(field.key) = \(config[keyPath: keyPath]) outside \(range)", text)
            }
        }
        require((1...ConfigField.maxModels).contains(config.modelOrder.count), "modelOrder has \(config.modelOrder.count) ids", text)
        require(Set(config.modelOrder).count == config.modelOrder.count, "modelOrder repeats an id", text)
        for model in config.modelOrder {
            let parts = model.description.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            require(parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty, "model id \(model)", text)
        }
        require(config.changedKeys(from: config).isEmpty, "a config differs from itself", text)
    }

    static func require(_ condition: Bool, _ message: @autoclosure () -> String, _ text: String) {
        guard !condition else { return }
        fatalError("config loader property broken: \(message())\ninput: \(text.debugDescription.prefix(2000))")
    }
}

extension JSON5Value {
    var isContainer: Bool {
        switch self {
        case .object, .array: return true
        default: return false
        }
    }
}
