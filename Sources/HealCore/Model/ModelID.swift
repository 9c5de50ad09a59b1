/// The one rule for a model id, shared by the config (`modelOrder`) and `POST /events`.
public enum ModelID {
    /// `provider/model`: a provider id, a slash, then a model id that may itself contain slashes
    /// (`openrouter/anthropic/claude-sonnet-4`); no spaces or control characters anywhere.
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

extension ModelID {
    /// The provider part of `provider/model` (nil for a bare id).
    public static func provider(of id: String) -> String? {
        guard let slash = id.firstIndex(of: "/"), slash != id.startIndex else { return nil }
        return String(id[..<slash])
    }
}
