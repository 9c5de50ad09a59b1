import Logging
import Testing
@testable import SystemdKit

@Suite struct LogLevelParsingTests {
    @Test(arguments: Logger.Level.allCases)
    func everyLevelNameParses(level: Logger.Level) throws {
        #expect(try Logger.Level(parsing: level.rawValue) == level)
    }

    @Test func letterCaseAndSurroundingSpacesDoNotMatter() throws {
        #expect(try Logger.Level(parsing: "WARNING") == .warning)
        #expect(try Logger.Level(parsing: " Debug\t") == .debug)
    }

    @Test(arguments: ["", "  ", "warn", "verbose", "info,debug", "5"])
    func otherValuesAreRejectedWithTheValueNamed(text: String) {
        do {
            let level = try Logger.Level(parsing: text)
            Issue.record("\"\(text)\" parsed as \(level)")
        } catch {
            #expect(error == InvalidLogLevelError(input: text))
            #expect(error.description.contains("\"\(text)\""))
            #expect(error.description.contains("trace, debug, info, notice, warning, error, critical"))
        }
    }
}
