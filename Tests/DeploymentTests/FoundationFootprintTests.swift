import Foundation
import Testing

/// The daemon stays off full Foundation and ICU (about 15 MiB of resident pages at idle, and most of
/// the static binary's size): sources import FoundationEssentials at most, and the binary under
/// test does not link the libraries that carry the rest.
struct FoundationFootprintTests {
    /// Modules that bring full Foundation or ICU with them.
    static let heavyModules: Set<String> = ["Foundation", "FoundationInternationalization", "FoundationNetworking", "FoundationXML"]
    static let heavyLibraries = ["libFoundation.so", "lib_FoundationICU.so", "libFoundationInternationalization.so",
                                 "libFoundationNetworking.so", "libFoundationXML.so"]

    /// The module an `import` line names (`@preconcurrency import Foundation`, `import struct Foundation.Date`
    /// and `public import Foundation` included), or nil for any other line.
    static func importedModule(_ line: String) -> String? {
        var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        while let first = words.first, first.hasPrefix("@") || ["public", "internal", "package", "private", "fileprivate"].contains(first) {
            words.removeFirst()
        }
        guard words.first == "import", words.count >= 2 else { return nil }
        let kinds: Set<String> = ["struct", "class", "enum", "protocol", "typealias", "func", "var", "let"]
        let path = kinds.contains(words[1]) && words.count >= 3 ? words[2] : words[1]
        return path.split(separator: ".").first.map(String.init)
    }

    @Test func importLinesAreRecognised() {
        #expect(Self.importedModule("import Foundation") == "Foundation")
        #expect(Self.importedModule("@preconcurrency import Foundation") == "Foundation")
        #expect(Self.importedModule("public import struct Foundation.Date") == "Foundation")
        #expect(Self.importedModule("import FoundationEssentials") == "FoundationEssentials")
        #expect(Self.importedModule("// import Foundation") == nil)
        #expect(Self.importedModule("let x = 1") == nil)
    }

    @Test func noSourceImportsFullFoundation() throws {
        let sources = Repository.path("Sources")
        let files = try #require(FileManager.default.subpathsOfDirectory(atPath: sources) as [String]?)
            .filter { $0.hasSuffix(".swift") }
        #expect(files.count > 100, "found only \(files.count) Swift files under \(sources)")
        var offenders: [String] = []
        for file in files {
            let text = try String(contentsOfFile: sources + "/" + file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if let module = Self.importedModule(String(line)), Self.heavyModules.contains(module) {
                    offenders.append("Sources/\(file):\(number + 1): \(line)")
                }
            }
        }
        #expect(offenders.isEmpty, "import FoundationEssentials (and Glibc) instead:\n\(offenders.joined(separator: "\n"))")
    }

    @Test func binaryLinksNeitherFoundationNorICU() throws {
        guard Command.find("readelf") != nil else { print("skipped: readelf is not installed (apt-get install binutils)"); return }
        guard FileManager.default.isExecutableFile(atPath: Repository.binary) else {
            print("skipped: \(Repository.binary) is not built"); return
        }
        let dynamic = try Command.run(["readelf", "-d", Repository.binary])
        #expect(dynamic.succeeded, "\(dynamic)")
        let needed = dynamic.output.split(separator: "\n").filter { $0.contains("(NEEDED)") }
        // A debug build links the Swift runtime dynamically, so its list is the real test of what
        // the code pulls in; a static release binary needs only libc and libsystemd.
        for library in Self.heavyLibraries {
            #expect(!needed.contains { $0.contains("[\(library)]") }, "\(Repository.binary) needs \(library)")
        }
        let symbols = try Command.run(["readelf", "-s", "--wide", Repository.binary], timeout: 120)
        #expect(!symbols.output.contains("icudt"), "\(Repository.binary) carries ICU's data")
    }
}
