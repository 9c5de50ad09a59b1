import Foundation
@testable import HealCore

/// What the crash-consistency test checks after each SIGKILL (files quiet: the daemon and every
/// process it started are dead), and after each restart.
///
/// After a kill:
/// 1. the state file decodes as `HealState`;
/// 2. every complete line of the audit log decodes as an `AuditRecord`, except fragments that an
///    earlier kill left unterminated (the restart terminates them); an unterminated last line is
///    allowed and remembered as such;
/// 3. actions the audit log records as executed are in the state: for each session, when the last
///    record about it is an executed repin, the state remembers the pin (or the session is back on
///    its own model in the world: a later restore or "pin forgotten" decision was saved to the state
///    and the kill came before its audit record; counted as `auditTrailCutByKill`); for each cron
///    job whose disable was executed, the state says the healer disabled it;
/// 4. effects visible in the world are in the state: every session the test double shows on the
///    fallback model (only the healer moves sessions there) has its pin remembered, and every cron
///    job the double shows disabled (only the healer disables them) is marked disabled by the healer;
/// 5. every model an audit record says was cooled is in the state;
/// 6. every action in flight in the state at the previous kill got an "interrupted" audit record
///    from the restart.
/// After a restart: the daemon loaded the state without calling it corrupt, and no file was moved
/// aside.
struct HardeningCrashCheck {
    let stateDirectory: String
    let scenarioDirectory: String
    let fallbackModel: String

    /// Offsets of audit lines known to be fragments torn by an earlier kill.
    private(set) var tornFragments: Set<Int> = []
    /// Incidents in flight at the last kill; the restart must record them as interrupted.
    private(set) var expectInterrupted: [String] = []
    private(set) var figures = Figures()

    struct Figures {
        var kills = 0
        var tornTails = 0
        var auditRecords = 0
        var executedRepins = 0
        var executedCronDisables = 0
        var worldRepinnedSessions = 0
        var worldDisabledCrons = 0
        var interruptedChecked = 0
        var leftoverTemporaryFiles = 0
        /// Records about a session that a kill cut off after the state was saved (see 3).
        var auditTrailCutByKill = 0
        var stateBytes = 0
    }

    var statePath: String { stateDirectory + "/self-heal-state.json" }
    var auditPath: String { stateDirectory + "/self-heal-audit.jsonl" }

    mutating func afterKill() -> [String] {
        figures.kills += 1
        var problems: [String] = []
        guard let stateData = FileManager.default.contents(atPath: statePath) else {
            return ["kill \(figures.kills): no state file at \(statePath)"]
        }
        figures.stateBytes = stateData.count
        // The whole file with its delta log replayed (a big state is saved as delta records).
        guard let state = StateStore(path: statePath).read() else {
            return ["kill \(figures.kills): the state file does not decode"]
        }
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: stateDirectory))?
            .filter { $0.hasPrefix(".self-heal-state.json.tmp-") } ?? []
        figures.leftoverTemporaryFiles += leftovers.count

        let (records, auditProblems) = readAudit()
        problems += auditProblems
        figures.auditRecords = records.count

        // 6. interrupted records for what was in flight at the previous kill
        let interrupted = Set(records.filter { $0.outcome == .interrupted }.map(\.incident))
        for incident in expectInterrupted where !interrupted.contains(incident) {
            problems.append("kill \(figures.kills): in flight at the previous kill, but no interrupted record: \(incident)")
        }
        figures.interruptedChecked += expectInterrupted.count
        expectInterrupted = state.inFlight.filter { !$0.dryRun }.map(\.incident)

        problems += checkAuditAgainstState(records, state)
        problems += checkWorldAgainstState(state)
        return problems
    }

    /// After a restart: nothing was called corrupt or moved aside.
    func afterRestart(stderr: String) -> [String] {
        var problems: [String] = []
        for phrase in ["does not parse", "is unreadable", "moved it aside", "could not move it aside"] where stderr.contains(phrase) {
            problems.append("restart after kill \(figures.kills) says the state \(phrase):\n\(stderr)")
        }
        let aside = (try? FileManager.default.contentsOfDirectory(atPath: stateDirectory))?.filter { $0.contains(".corrupt-") } ?? []
        if !aside.isEmpty { problems.append("files moved aside: \(aside)") }
        return problems
    }

    // MARK: - audit log

    private mutating func readAudit() -> ([AuditRecord], [String]) {
        guard let data = FileManager.default.contents(atPath: auditPath) else { return ([], ["no audit log"]) }
        let bytes = [UInt8](data)
        let decoder = AuditLog.decoder()
        var records: [AuditRecord] = []
        var problems: [String] = []
        var start = 0
        while start < bytes.count {
            guard let newline = bytes[start...].firstIndex(of: 0x0A) else {
                // Unterminated last line: a write torn by the kill. Readers skip it; the next
                // append starts on a new line.
                if !tornFragments.contains(start) { figures.tornTails += 1 }
                tornFragments.insert(start)
                break
            }
            let line = Data(bytes[start..<newline])
            if !line.isEmpty {
                if let record = try? decoder.decode(AuditRecord.self, from: line) {
                    records.append(record)
                } else if !tornFragments.contains(start) {
                    problems.append("kill \(figures.kills): audit line at byte \(start) is torn or undecodable: "
                        + String(decoding: line.prefix(300), as: UTF8.self))
                }
            }
            start = newline + 1
        }
        return (records, problems)
    }

    // MARK: - 3 and 5: the audit log against the state

    private mutating func checkAuditAgainstState(_ records: [AuditRecord], _ state: HealState) -> [String] {
        var problems: [String] = []
        var lastAboutSession: [String: AuditRecord] = [:]
        var lastCronDisable: [String: AuditRecord] = [:]
        var cooled = Set<String>()
        for record in records {
            switch record.rule {
            case Rule.sessionRepin, Rule.sessionRestore:
                guard record.outcome == .executed, let summary = record.action?.summary,
                      let key = Self.word(after: "repin session ", in: summary) else { continue }
                lastAboutSession[key] = record
            case Rule.sessionPinForgotten:
                if let key = Self.word(after: "session ", in: record.trigger) { lastAboutSession[key] = record }
            case Rule.cronDisable:
                guard record.outcome == .executed, let summary = record.action?.summary,
                      let open = summary.lastIndex(of: "("), summary.hasSuffix(")") else { continue }
                lastCronDisable[String(summary[summary.index(after: open)..<summary.index(before: summary.endIndex)])] = record
            case Rule.modelCooldown, Rule.modelCooldownExtended:
                if let model = Self.word(after: "", in: record.trigger) { cooled.insert(model) }
            default:
                break
            }
        }
        let world = worldSessions()
        for (key, record) in lastAboutSession where record.rule == Rule.sessionRepin {
            figures.executedRepins += 1
            guard state.pins[key] == nil else { continue }
            if let model = world[key], model != fallbackModel {
                // The session is back on its own model and the healer forgot the pin: a later
                // decision (restore, pin forgotten) was saved, and the kill came before its audit
                // record was written. The state, which decides, is right; the trail lacks a line.
                figures.auditTrailCutByKill += 1
            } else {
                problems.append("kill \(figures.kills): the audit log says session \(key) was repinned (\(record.incident)) but the state has no pin for it")
            }
        }
        for (id, record) in lastCronDisable {
            figures.executedCronDisables += 1
            if state.crons[id]?.disabledByUs != true {
                problems.append("kill \(figures.kills): the audit log says cron \(id) was disabled (\(record.incident)) but the state does not")
            }
        }
        for model in cooled where ModelID(model).flatMap({ state.models[$0] }) == nil {
            problems.append("kill \(figures.kills): the audit log says \(model) was cooled but the state does not know it")
        }
        return problems
    }

    // MARK: - 4: the world (the test double's scenario) against the state

    /// Each session's `provider/model` in the test double.
    private func worldSessions() -> [String: String] {
        guard let data = FileManager.default.contents(atPath: scenarioDirectory + "/scenario.json"),
              let scenario = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let sessions = scenario["sessions"] as? [String: [String: Any]] else { return [:] }
        return sessions.mapValues { "\($0["providerOverride"] as? String ?? "")/\($0["modelOverride"] as? String ?? "")" }
    }

    private mutating func checkWorldAgainstState(_ state: HealState) -> [String] {
        guard let data = FileManager.default.contents(atPath: scenarioDirectory + "/scenario.json"),
              let scenario = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            return ["kill \(figures.kills): the test double's scenario.json does not parse"]
        }
        var problems: [String] = []
        let sessions = scenario["sessions"] as? [String: [String: Any]] ?? [:]
        var repinned = 0
        for (key, entry) in sessions {
            let model = "\(entry["providerOverride"] as? String ?? "")/\(entry["modelOverride"] as? String ?? "")"
            guard model == fallbackModel else { continue }
            repinned += 1
            if state.pins[key]?.repinnedTo.description != fallbackModel {
                problems.append("kill \(figures.kills): session \(key) is on \(fallbackModel) in the world but the state remembers no such pin (\(String(describing: state.pins[key])))")
            }
        }
        figures.worldRepinnedSessions = max(figures.worldRepinnedSessions, repinned)
        var disabled = 0
        for job in scenario["cron"] as? [[String: Any]] ?? [] where job["enabled"] as? Bool == false {
            disabled += 1
            let id = job["id"] as? String ?? ""
            if state.crons[id]?.disabledByUs != true {
                problems.append("kill \(figures.kills): cron \(id) is disabled in the world but the state does not say the healer did it")
            }
        }
        figures.worldDisabledCrons = max(figures.worldDisabledCrons, disabled)
        return problems
    }

    /// The word that follows `prefix` at the start of `text` (up to a space).
    static func word(after prefix: String, in text: String) -> String? {
        guard text.hasPrefix(prefix) else { return nil }
        let rest = text.dropFirst(prefix.count)
        let word = rest.prefix { $0 != " " }
        return word.isEmpty ? nil : String(word)
    }
}
