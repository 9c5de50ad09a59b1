import Foundation
import Testing
@testable import OpenClawKit

@Suite struct LogFileNamingTests {
    let day = Date(timeIntervalSince1970: 1_787_400_000)

    @Test func namesFollowTheLocalDateAndProfile() {
        let plain = LogFileNaming(directory: "/tmp/openclaw", profile: "")
        #expect(plain.fileName(for: day) == LogDirectoryFixture.fileName(for: day))
        #expect(plain.path(for: day) == "/tmp/openclaw/" + LogDirectoryFixture.fileName(for: day))
        let profiled = LogFileNaming(directory: "/var/log/oc/", profile: "work")
        #expect(profiled.path(for: day) == "/var/log/oc/" + LogDirectoryFixture.fileName(for: day, profile: "work"))
        #expect(LogFollowerConfiguration(directory: "/tmp/openclaw", profile: "work").logFilePath(for: day)
            == "/tmp/openclaw/" + LogDirectoryFixture.fileName(for: day, profile: "work"))
    }

    @Test func rotatedNamesKeepTheLogSuffix() {
        #expect(LogFileNaming.rotatedPaths(of: "/d/openclaw-2026-08-22.log")
            == (1...5).map { "/d/openclaw-2026-08-22.\($0).log" })
    }
}
