import HealCore
import Testing
@testable import OpenClawKit

@Suite struct CronListParserTests {
    @Test func pagedShape() throws {
        let jobs = try CronListParser.parse(stdout: SheetSamples.cronPaged)
        #expect(jobs.count == 2)
        let brief = jobs[0]
        #expect(brief.id == "3f1c2b9e-8d7a-4c1e-9b2a-1e2f3a4b5c6d")
        #expect(brief.name == "Morning brief")
        #expect(brief.enabled)
        #expect(brief.lastRunAtMs == 1755838800000)
        #expect(brief.lastRunStatus == "error")
        #expect(brief.lastErrorReason == "rate_limit")
        #expect(brief.consecutiveErrors == 3)
        #expect(brief.lastError?.hasPrefix(#"429 {"type":"error""#) == true)
        #expect(brief.autoDisabledReason == nil)
        #expect(jobs[1] == CronJobObservation(id: "nightly", name: "Nightly cleanup", enabled: false, lastRunStatus: "error",
                                              consecutiveErrors: 10, autoDisabledReason: "consecutive-failures"))
    }

    @Test func oldShapeUsesBackCompatLastStatus() throws {
        let jobs = try CronListParser.parse(stdout: SheetSamples.pluginPrefix + SheetSamples.cronOld)
        #expect(jobs == [CronJobObservation(id: "a1", name: "Digest", enabled: true, lastRunAtMs: 1740000000000, lastRunStatus: "ok")])
    }

    @Test func lastRunStatusWinsOverLastStatus() throws {
        let jobs = try CronListParser.parse(stdout: #"{"jobs":[{"id":"x","name":"X","enabled":true,"state":{"lastRunStatus":"ok","lastStatus":"error"}}]}"#)
        #expect(jobs.first?.lastRunStatus == "ok")
    }

    @Test func emptyAndBareArray() throws {
        #expect(try CronListParser.parse(stdout: #"{"jobs":[],"total":0,"offset":0,"limit":200,"hasMore":false,"nextOffset":null}"#).isEmpty)
        #expect(try CronListParser.parse(stdout: "No cron jobs.\n").isEmpty)
        #expect(try CronListParser.parse(stdout: #"[{"id":"b","name":"B","enabled":false}]"#).map(\.enabled) == [false])
    }

    @Test func gatewayDownExitOneIsAnError() {
        let result = CommandResult(argv: [], exitCode: 1, stderr: "Error: gateway closed (1006 abnormal closure (no close frame)): no close reason\n")
        let error = #expect(throws: OpenClawOutputError.self) { try CronListParser.parse(result) }
        #expect(error?.description == "cron list --all --json: exit 1: Error: gateway closed (1006 abnormal closure (no close frame)): no close reason")
    }

    @Test func wrongShapesAreTypedErrors() {
        #expect(throws: OpenClawOutputError.self) { try CronListParser.parse(stdout: "garbage\u{0}\u{1}") }
        #expect(throws: OpenClawOutputError(command: CronListParser.command, problem: .unexpectedShape("expected a \"jobs\" array"))) {
            try CronListParser.parse(stdout: #"{"entries":[]}"#)
        }
        #expect(throws: OpenClawOutputError(command: CronListParser.command, problem: .unexpectedShape("jobs[0] has no \"id\""))) {
            try CronListParser.parse(stdout: #"{"jobs":[{"name":"x"}]}"#)
        }
        #expect(throws: OpenClawOutputError.self) { try CronListParser.parse(stdout: #"{"jobs":[42]}"#) }
    }
}
