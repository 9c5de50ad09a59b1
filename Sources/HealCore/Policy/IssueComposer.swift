import FoundationEssentials

/// Builds GitHub issues from the healer's findings: a clear title, the evidence, redacted and
/// capped in size (GitHub rejects huge bodies, and an error text can be megabytes).
public enum IssueComposer {
    public static let maxBodyBytes = 8 * 1024

    public static func issue(repo: String, title: String, summary: String, evidence: [String],
                             incident: String, now: Date) -> IssueRequest {
        var body = "\(summary)\n\n"
        body += "Incident `\(incident)`, \(iso(now)).\n\n"
        if !evidence.isEmpty {
            body += "Evidence:\n\n"
            for line in evidence {
                body += "- " + line.replacing("\n", with: "\n  ") + "\n"
            }
            body += "\n"
        }
        body += "Filed by openclaw-self-heal. Audit log: `GET /events` on the healer, incident `\(incident)`.\n"
        return IssueRequest(repo: repo, title: Redactor.redact(title, maxBytes: 200),
                            body: Redactor.redact(body, maxBytes: maxBodyBytes), labels: [])
    }

    static func iso(_ date: Date) -> String { Timestamps.isoSeconds(date) }
}
