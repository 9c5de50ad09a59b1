import Foundation
import Glibc
import Testing
@testable import OpenClawKit
import TestSupport

/// The runner against real child processes (`/bin/sh` plays the misbehaving program).
@Suite struct CommandRunnerTests {
    let runner = CommandRunner(maxConcurrent: 4, outputCap: 1 << 20, killGrace: .milliseconds(500))

    @Test func capturesBothStreamsAndExitZero() async {
        let result = await runner.run(["/bin/sh", "-c", "printf 'hello\\n'; printf 'warn\\n' >&2"], timeout: .seconds(10))
        #expect(result.succeeded)
        #expect(result.exitCode == 0)
        #expect(result.signal == nil)
        #expect(result.stdout == "hello\n")
        #expect(result.stderr == "warn\n")
        #expect(!result.timedOut)
        #expect(result.launchError == nil)
    }

    @Test func reportsNonZeroExit() async {
        let result = await runner.run(["/bin/sh", "-c", "echo boom >&2; exit 3"], timeout: .seconds(10))
        #expect(!result.succeeded)
        #expect(result.exitCode == 3)
        #expect(result.failureSummary == "exit 3: boom")
    }

    @Test func reportsTerminatingSignal() async {
        let result = await runner.run(["/bin/sh", "-c", "kill -USR1 $$"], timeout: .seconds(10))
        #expect(result.exitCode == nil)
        #expect(result.signal == SIGUSR1)
        #expect(!result.succeeded)
        #expect(!result.timedOut)
    }

    @Test func missingBinaryIsALaunchErrorNotACrash() async {
        let result = await runner.run(["openclaw-definitely-not-installed"], timeout: .seconds(5),
                                      environment: ["PATH": "/usr/bin:/bin"])
        #expect(result.launchError == "openclaw-definitely-not-installed: not found on PATH")
        #expect(!result.succeeded)
        #expect(result.exitCode == nil)

        let absolute = await runner.run(["/nonexistent/openclaw"], timeout: .seconds(5))
        #expect(absolute.launchError == "/nonexistent/openclaw: no such file")
    }

    @Test func nonExecutableFileIsALaunchError() async throws {
        let dir = TemporaryDirectory()
        let path = try dir.write("openclaw", "#!/bin/sh\necho hi\n", mode: 0o644)
        let direct = await runner.run([path], timeout: .seconds(5))
        #expect(direct.launchError == "\(path): not executable (permission denied)")
        let viaPath = await runner.run(["openclaw"], timeout: .seconds(5), environment: ["PATH": dir.path])
        #expect(viaPath.launchError == "\(path): not executable (permission denied)")
    }

    @Test func usesThePathOfTheGivenEnvironment() async throws {
        let dir = TemporaryDirectory()
        try dir.write("openclaw", "#!/bin/sh\necho \"$MARK\"\n", mode: 0o755)
        let result = await runner.run(["openclaw"], timeout: .seconds(5), environment: ["PATH": dir.path, "MARK": "x y;z"])
        #expect(result.stdout == "x y;z\n")
    }

    @Test func argumentsReachTheChildVerbatim() async {
        let tricky = ["$(rm -rf /)", "a b", "'\"`;|&><", "line1\nline2", "", "*"]
        let result = await runner.run(["/bin/sh", "-c", "for a in \"$@\"; do printf '[%s]' \"$a\"; done", "sh"] + tricky,
                                      timeout: .seconds(5))
        #expect(result.stdout == tricky.map { "[\($0)]" }.joined())
    }

    @Test func nulByteInAnArgumentIsRefused() async {
        let result = await runner.run(["/bin/echo", "a\u{0}b"], timeout: .seconds(5))
        #expect(result.launchError?.contains("NUL") == true)
    }

    @Test func stdinIsDevNull() async {
        let result = await runner.run(["/bin/cat"], timeout: .seconds(5))
        #expect(result.succeeded)
        #expect(result.stdout.isEmpty)
    }

    @Test func hangIsKilledWithItsWholeProcessGroup() async throws {
        let dir = TemporaryDirectory()
        let pidFile = dir.file("grandchild.pid")
        // The grandchild ignores SIGTERM, so only the SIGKILL after the grace ends it.
        let script = "(trap '' TERM; exec sleep 60) & echo $! > '\(pidFile)'; sleep 60"
        let started = Date()
        let result = await runner.run(["/bin/sh", "-c", script], timeout: .milliseconds(300))
        let elapsed = Date().timeIntervalSince(started)
        #expect(result.timedOut)
        #expect(!result.succeeded)
        #expect(result.signal == SIGTERM)
        // timeout 0.3 s + grace 0.5 s; generous bound for a loaded machine.
        #expect(elapsed < 5)
        let grandchild = try #require(Int32(try dir.read("grandchild.pid").trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(!Self.isRunning(grandchild))
    }

    @Test func grandchildHoldingThePipesDoesNotBlockANormalExit() async throws {
        let dir = TemporaryDirectory()
        let pidFile = dir.file("bg.pid")
        let started = Date()
        let result = await runner.run(["/bin/sh", "-c", "sleep 30 & echo $! > '\(pidFile)'; echo done"], timeout: .seconds(20))
        #expect(result.succeeded)
        #expect(result.stdout == "done\n")
        #expect(Date().timeIntervalSince(started) < 5)
        if let pid = Int32(try dir.read("bg.pid").trimmingCharacters(in: .whitespacesAndNewlines)) { kill(pid, SIGKILL) }
    }

    @Test func hugeOutputIsCappedWithoutDeadlock() async {
        let capped = CommandRunner(outputCap: 64 * 1024)
        // 8 MiB on each stream, written alternately: a runner that read one pipe at a time would hang.
        let script = "i=0; while [ $i -lt 128 ]; do head -c 65536 /dev/zero | tr '\\0' a; head -c 65536 /dev/zero | tr '\\0' b >&2; i=$((i+1)); done; echo tail"
        let result = await capped.run(["/bin/sh", "-c", script], timeout: .seconds(60))
        #expect(result.succeeded)
        #expect(result.stdoutTruncated)
        #expect(result.stderrTruncated)
        #expect(result.stdout.utf8.count == 64 * 1024)
        #expect(result.stderr.utf8.count == 64 * 1024)
        #expect(result.stdout.allSatisfy { $0 == "a" })
    }

    @Test func outputUnderTheCapIsNotMarkedTruncated() async {
        let result = await runner.run(["/bin/sh", "-c", "head -c 100000 /dev/zero | tr '\\0' x"], timeout: .seconds(10))
        #expect(result.stdout.utf8.count == 100_000)
        #expect(!result.stdoutTruncated)
    }

    @Test func concurrencyIsBounded() async throws {
        let bounded = CommandRunner(maxConcurrent: 2)
        let dir = TemporaryDirectory()
        let log = dir.file("log")
        // Each command appends "+" when it starts and "-" when it ends; never more than 2 open at once.
        let script = "echo + >> '\(log)'; sleep 0.2; echo - >> '\(log)'"
        await withTaskGroup(of: CommandResult.self) { group in
            for _ in 0..<6 { group.addTask { await bounded.run(["/bin/sh", "-c", script], timeout: .seconds(20)) } }
            for await result in group { #expect(result.succeeded) }
        }
        var open = 0, peak = 0
        for line in try dir.read("log").split(separator: "\n") {
            open += line == "+" ? 1 : -1
            peak = max(peak, open)
        }
        #expect(peak == 2)
        #expect(open == 0)
        #expect(await bounded.runningCount == 0)
    }

    @Test func cancellingTheCallerKillsTheCommand() async {
        let started = Date()
        let task = Task { await runner.run(["/bin/sleep", "60"], timeout: .seconds(60)) }
        try? await Task.sleep(for: .milliseconds(200))
        task.cancel()
        let result = await task.value
        #expect(result.timedOut)
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func childDoesNotInheritIgnoredSignals() async {
        // A parent that ignores SIGTERM (as a daemon with Dispatch signal sources does) must not pass
        // that on: the timeout's SIGTERM has to work.
        let previous = signal(SIGUSR2, SIG_IGN)
        defer { signal(SIGUSR2, previous) }
        let result = await runner.run(["/bin/sh", "-c", "kill -USR2 $$; sleep 5"], timeout: .seconds(10))
        #expect(result.signal == SIGUSR2)
    }

    /// Alive and not a zombie.
    static func isRunning(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(close, offsetBy: 2)]
        return state != "Z" && state != "X"
    }
}
