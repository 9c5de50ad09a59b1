/// One model's part of an OpenClaw failover summary (`All models failed (2): a/b: … | c/d: …`).
public struct FailedModel: Sendable, Equatable {
    /// `provider/model` as the summary writes it.
    public var model: String
    public var classification: Classification
    /// The model's own error text, as written.
    public var detail: String

    /// The model as a value, split once; nil when the summary's text is no `provider/model`.
    public var id: ModelID? { ModelID(model) }

    public init(model: String, classification: Classification, detail: String) {
        self.model = model; self.classification = classification; self.detail = detail
    }
}
