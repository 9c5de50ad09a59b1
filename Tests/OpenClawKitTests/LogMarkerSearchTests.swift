import Testing
@testable import OpenClawKit

@Suite struct LogMarkerSearchTests {
    func matches(_ search: LogMarkerSearch, _ text: String) -> Bool {
        Array(text.utf8).withUnsafeBytes { search.matches($0) }
    }

    @Test func findsEachMarkerAnywhere() {
        let search = GatewayLogLineParser.markerSearch
        for marker in GatewayLogLineParser.markers {
            #expect(matches(search, marker))
            #expect(matches(search, "x" + marker))
            #expect(matches(search, marker + "y"))
            #expect(matches(search, String(repeating: "abc ", count: 50) + marker + String(repeating: " def", count: 50)))
            #expect(!matches(search, String(marker.dropLast())))
            #expect(!matches(search, String(marker.dropFirst())))
        }
    }

    @Test func shortAndEmptyTextNeverMatch() {
        let search = LogMarkerSearch(markers: ["abcdef", "xyz123"])
        #expect(!matches(search, ""))
        #expect(!matches(search, "abc"))
        #expect(matches(search, "xyz123"))
    }

    @Test func overlappingAndRepeatedPrefixes() {
        let search = LogMarkerSearch(markers: ["aab", "abab", "bbbbbbbbbc"])
        #expect(matches(search, "aaaaaaab"))
        #expect(matches(search, "abaabab"))
        #expect(matches(search, "bbbbbbbbbbbbbbbbbbc"))
        #expect(!matches(search, "bbbbbbbbbbbbbbbbbb"))
        #expect(!matches(search, "aaaaaaaa"))
    }

    /// The search agrees with a naive substring test on random texts over a small alphabet, where
    /// partial matches are frequent.
    @Test func agreesWithANaiveSearch() {
        var generator = SeededGenerator(seed: 7)
        let alphabet = Array("ab_cd\\\"{".utf8)
        func randomText(_ length: Int) -> [UInt8] {
            (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        }
        for _ in 0..<300 {
            let markers = (0..<Int.random(in: 1...5, using: &generator)).map { _ in
                String(decoding: randomText(Int.random(in: 2...6, using: &generator)), as: UTF8.self)
            }
            let search = LogMarkerSearch(markers: markers)
            for _ in 0..<20 {
                let text = randomText(Int.random(in: 0...60, using: &generator))
                let expected = markers.contains { marker in
                    let needle = Array(marker.utf8)
                    guard needle.count <= text.count else { return false }
                    return (0...(text.count - needle.count)).contains { Array(text[$0..<($0 + needle.count)]) == needle }
                }
                #expect(text.withUnsafeBytes { search.matches($0) } == expected, "markers \(markers) text \(String(decoding: text, as: UTF8.self))")
            }
        }
    }
}
