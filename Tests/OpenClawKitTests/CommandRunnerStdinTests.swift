import Foundation
import Testing
@testable import OpenClawKit

/// Standard input handed to a child: the way a secret reaches curl without being in argv.
@Suite struct CommandRunnerStdinTests {
    let runner = CommandRunner(maxConcurrent: 2, outputCap: 1 << 20, killGrace: .milliseconds(500))

    @Test func theChildReadsTheBytesThenEndOfFile() async {
        let input = Array("line one\nsecret=\u{1}x\n".utf8) + Array(repeating: UInt8(ascii: "z"), count: 60_000)
        let result = await runner.run(["/bin/cat"], timeout: .seconds(10), stdin: input)
        #expect(result.succeeded)
        #expect(Array(result.stdout.utf8) == input)
    }

    @Test func withoutBytesStdinIsDevNull() async {
        let result = await runner.run(["/bin/cat"], timeout: .seconds(10))
        #expect(result.succeeded && result.stdout.isEmpty)
    }

    @Test func moreThanOnePipeFullIsRefusedBeforeAnythingRuns() async {
        let result = await runner.run(["/bin/cat"], timeout: .seconds(10), stdin: Array(repeating: 0x41, count: 70_000))
        #expect(result.launchError == "standard input of 70000 bytes is larger than 65536")
    }
}
