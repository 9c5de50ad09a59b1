import FoundationEssentials

/// A delta log read back (see `StateLog`): the records to apply to the whole file it follows,
/// and what was left out and why. nil when there is no log.
struct StateLogReplay {
    var records: [StateDelta] = []
    var notes: [String] = []
    /// A record in the middle of the log does not decode: the log is kept aside as evidence.
    var corrupt = false

    init?(deltaPath: String, wholeFile: Data) {
        guard let data = FileManager.default.contents(atPath: deltaPath) else { return nil }
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        // A log written to the end closes its last line; what follows the last newline was torn.
        let torn = lines.removeLast()
        if !torn.isEmpty {
            notes.append("ignored the torn last record of \(deltaPath) (\(torn.count) bytes, never acknowledged)")
        }
        guard let first = lines.first else { return }
        let decoder = JSONFile.decoder()
        guard let header = try? decoder.decode(StateLogHeader.self, from: Data(first)) else {
            notes.append("\(deltaPath) has no valid header; ignored it")
            corrupt = true
            return
        }
        guard header == StateLogHeader(base: StateLogHeader.digest(wholeFile)) else {
            notes.append("ignored \(deltaPath): it follows an older state file (a compaction finished before it was removed)")
            return
        }
        for (index, line) in lines.dropFirst().enumerated() {
            do {
                records.append(try decoder.decode(StateDelta.self, from: Data(line)))
            } catch {
                notes.append("record \(index + 1) of \(deltaPath) does not decode (\(StateStore.describe(error))); "
                             + "ignored it and the \(lines.count - 2 - index) after it")
                corrupt = true
                break
            }
        }
    }

    func apply(to state: inout HealState) {
        for record in records { record.apply(to: &state) }
    }
}
