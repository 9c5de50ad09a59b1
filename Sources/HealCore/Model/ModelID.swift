/// A model id as OpenClaw writes it, `provider/model`: the one value that goes from the parsers
/// (log lines, `POST /events`, a failover summary) through the policy to the argv. Its text form is
/// the wire form everywhere (state, audit, `/status`, the CLI's `--model`), so it encodes as that
/// string; `provider` and `model` are split once, here.
public struct ModelID: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// The provider id (`anthropic`, `openrouter`).
    public let provider: String
    /// The model within the provider, which may itself contain `/` (`anthropic/claude-sonnet-4`
    /// under `openrouter`) or `:` (`qwen3:8b`).
    public let model: String

    public init(provider: String, model: String) {
        self.provider = provider; self.model = model
    }

    /// `provider/model`, split at its first `/`; nil when either side is empty.
    public init?(_ id: some StringProtocol) {
        let bytes = id.utf8
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")), slash != bytes.startIndex,
              bytes.index(after: slash) != bytes.endIndex else { return nil }
        provider = String(id[..<slash])
        model = String(id[bytes.index(after: slash)...])
    }

    /// A provider and a model as log records and session entries name them apart; a model that
    /// already carries the provider's prefix (or, with no provider, any prefix) is kept whole.
    public init?(model: String, under provider: String?) {
        guard let provider, !provider.isEmpty else { self.init(model); return }
        if model.utf8.count > provider.utf8.count, model.hasPrefix(provider + "/") {
            self.init(model)
        } else {
            self.init(provider: provider, model: model)
        }
    }

    public var description: String { provider + "/" + model }

    public static func < (a: ModelID, b: ModelID) -> Bool { a.description < b.description }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = ModelID(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "expected provider/model, got '\(text)'"))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension ModelID: ExpressibleByStringLiteral {
    /// A literal id (`"anthropic/claude-opus-4-6"`); one without a `/` between two names is a
    /// programming error.
    public init(stringLiteral id: String) {
        guard let parsed = ModelID(id) else { preconditionFailure("'\(id)' is not provider/model") }
        self = parsed
    }
}

extension ModelID {
    /// The rule for a model id someone wrote (the config's `modelOrder`, `POST /events`): a provider
    /// id, a slash, then a model id that may itself contain slashes (`openrouter/anthropic/claude-sonnet-4`);
    /// no spaces or control characters anywhere.
    public static func isValid(_ id: String) -> Bool {
        guard id.count <= 200, let slash = id.firstIndex(of: "/") else { return false }
        let provider = id[..<slash]
        let model = id[id.index(after: slash)...]
        guard !provider.isEmpty, !model.isEmpty,
              provider.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else { return false }
        return !model.contains(where: { $0.isWhitespace || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } })
            && !model.hasPrefix("/") && !model.hasSuffix("/")
    }

}

/// As a dictionary key (the state's per-model records and probe books), the id is the JSON
/// object's key, written as `provider/model` like everywhere else.
extension ModelID: CodingKeyRepresentable {
    public var codingKey: any CodingKey { Key(stringValue: description) }

    public init?<T: CodingKey>(codingKey: T) { self.init(codingKey.stringValue) }

    private struct Key: CodingKey {
        var stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }
}
