/// The list commands (`cron list`, `plugins list`, `gateway call sessions.list`) print their records
/// either as a bare array or under one key of an object, each record an object with an id; these are
/// the checks they share, with the error texts naming the record by its place (`plugins[3]`).
extension CLIOutput {
    /// The stdout of a command that must exit 0 to be read at all.
    static func successfulStdout(_ result: CommandResult, command: String) throws(OpenClawOutputError) -> String {
        try requireExitZero(result, command: command)
        return result.stdout
    }

    /// Reads the records of a list, in order: `value` itself when it is an array, else its `key`
    /// array. Each record must be an object; `read` gets it with its place (`plugins[3]`) and gives
    /// what it makes of it, or nil to leave it out.
    static func records<Record>(
        _ value: JSONNode, key: String, command: String,
        _ read: (_ record: JSONNode, _ place: String) throws(OpenClawOutputError) -> Record?
    ) throws(OpenClawOutputError) -> [Record] {
        guard let records = value.array ?? value[key]?.array else {
            throw OpenClawOutputError(command: command, problem: .unexpectedShape("expected a \"\(key)\" array"))
        }
        var made: [Record] = []
        for (index, record) in records.enumerated() {
            let place = "\(key)[\(index)]"
            guard record.isObject else {
                throw OpenClawOutputError(command: command, problem: .unexpectedShape("\(place) is \(record.kindName), not an object"))
            }
            if let one = try read(record, place) { made.append(one) }
        }
        return made
    }

    /// A record's non-empty `id`.
    static func id(of record: JSONNode, at place: String, command: String) throws(OpenClawOutputError) -> String {
        guard let id = record["id"]?.string, !id.isEmpty else {
            throw OpenClawOutputError(command: command, problem: .unexpectedShape("\(place) has no \"id\""))
        }
        return id
    }
}
