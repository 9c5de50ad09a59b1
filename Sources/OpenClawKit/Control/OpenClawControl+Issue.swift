import HealCore

extension OpenClawControl {
    /// `gh issue create -R owner/repo --title … --body … --label …`; title and body redacted, body capped.
    func fileIssue(_ issue: IssueRequest, config: HealConfig) async -> ActionOutcome {
        guard !issue.repo.isEmpty else {
            return ActionOutcome(ok: false, detail: "no issue filed: autoFix.issueRepo is empty")
        }
        let result = await run(issueCreate(issue), config)
        guard result.succeeded else {
            return ActionOutcome(ok: false, detail: "gh issue create -R \(issue.repo) failed: \(Redactor.redact(result.failureSummary))")
        }
        let url = result.stdout.split(separator: "\n").last { $0.hasPrefix("http") }.map(String.init)
        return ActionOutcome(ok: true, detail: "filed issue \(url ?? "in \(issue.repo)")")
    }
}
