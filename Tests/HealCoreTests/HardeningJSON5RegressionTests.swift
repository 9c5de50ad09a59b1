import Foundation
import Testing
@testable import HealCore

/// Inputs the config-loader fuzzer (fuzz/targets/ConfigLoaderFuzz.swift) found crashing the process.
/// Each must come back as a typed error with a position, never reach Foundation's JSON5 reader
/// (which traps on them), and never stop `openclaw.json`'s check.
@Suite struct HardeningJSON5RegressionTests {
    /// Foundation's JSON5 number reader traps on a second `x` in a hex literal.
    @Test(arguments: [
        ("0x0x0", 1, 4),
        ("{a: 0x0x0}", 1, 8),
        ("{gateway: {port: 0x1x}}", 1, 21),
        ("[0X0X]", 1, 5),
    ])
    func malformedHexNumbersAreSyntaxErrors(text: String, line: Int, column: Int) {
        do {
            _ = try JSON5.parse(text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.line == line && error.column == column, "\(error)")
            #expect(error.description.contains("in a number"), "\(error)")
        }
    }

    @Test func theConfigLoaderReportsTheKey() {
        #expect(throws: ConfigLoadFailure.self) {
            try ConfigLoader.load(text: "{ cooldownMinutes: 0x0x0 }", path: "/etc/x.json5",
                                  environment: ConfigEnvironment(variables: [:], homeDirectory: "/home/u"))
        }
    }

    @Test func anOpenClawConfigWithTheTypoIsInvalidNotFatal() throws {
        let path = NSTemporaryDirectory() + "openclaw-hex-\(UUID().uuidString.prefix(8)).json"
        try "{ gateway: { port: 0x0x0 } }".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard case .invalid(let why) = OpenClawConfigCheck.check(path: path) else {
            Issue.record("the check did not report the file invalid")
            return
        }
        #expect(why.contains("line 1, column 23"), "\(why)")
    }
}

/// Foundation's JSON5 number reader reads past the end of its buffer when the text ends in a number,
/// and traps when the bytes beyond continue the number. Here the bytes beyond are made to do that:
/// the input is a view of "12" inside "12.5", so without the healer's padding this kills the test
/// process; with it, the number is read as 12.
@Suite struct HardeningJSON5OverreadTests {
    @Test(arguments: [("12", ".5", JSON5Value.integer(12)), ("1e5", "0", .integer(100_000)), ("-7", "7.", .integer(-7)),
                      ("2.5", "5", .number(2.5))])
    func aNumberAtTheEndOfTheBufferIsReadWithinIt(number: String, beyond: String, expected: JSON5Value) {
        let storage = Data((number + beyond).utf8)
        let view = storage[storage.startIndex..<storage.startIndex + number.utf8.count]
        #expect(JSON5.decodeWithFoundation(view) == expected)
    }

    /// The fuzzer's own input: a number too large for a Double is refused, not fatal.
    @Test func anInfiniteNumberIsRefused() {
        let storage = Data("3E888888888888888888888888888888444444444.0".utf8)
        #expect(JSON5.decodeWithFoundation(storage.prefix(41)) == nil)
        #expect(throws: JSON5SyntaxError.self) { try JSON5.parse("3E888888888888888888888888888888444444444") }
    }
}
