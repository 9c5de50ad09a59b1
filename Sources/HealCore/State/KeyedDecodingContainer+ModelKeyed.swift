extension KeyedDecodingContainer {
    /// A map saved keyed by `provider/model` (missing: empty). A key that is no model id (a bare
    /// name an older version kept after a cron job named one) is dropped: nothing could act on it,
    /// and it must not make the whole state file unreadable.
    func decodeModelKeyed<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> [ModelID: Value] {
        guard let saved = try decodeIfPresent([String: Value].self, forKey: key) else { return [:] }
        var byModel: [ModelID: Value] = [:]
        byModel.reserveCapacity(saved.count)
        for (id, value) in saved { if let model = ModelID(id) { byModel[model] = value } }
        return byModel
    }
}
