import Testing
@testable import HealCore

@Suite struct ConfigJSON5Tests {
    @Test func acceptsTheJSON5ExtensionsOpenClawUsersWrite() throws {
        let text = """
        // OpenClaw-style config
        {
          /* block comment */
          unquoted: 'single quoted',
          "quoted": "double",
          list: [1, 2, 3,],
          hex: 0x1F,
          nested: { flag: true, nothing: null, },
          half: .5,
          big: +1e3,
        }
        """
        let value = try JSON5.parse(text)
        guard case .object(let m) = value else { Issue.record("not an object: \(value)"); return }
        #expect(m["unquoted"] == .string("single quoted"))
        #expect(m["quoted"] == .string("double"))
        #expect(m["list"] == .array([.integer(1), .integer(2), .integer(3)]))
        #expect(m["hex"] == .integer(31))
        #expect(m["nested"] == .object(["flag": .bool(true), "nothing": .null]))
        #expect(m["half"] == .number(0.5))
        #expect(m["big"] == .integer(1000))
    }

    @Test(arguments: [
        ("{\n  a: 1,\n  b: 2\n  c: 3\n}", 4, 3, "expected ',' or '}'"),
        ("{ a: 1, b: }", 1, 12, "expected a value"),
        ("{\n \"a\": [1, 2\n}", 3, 1, "expected ',' or ']'"),
        ("", 1, 1, "the document is empty"),
        ("{ a: Infinit }", 1, 6, "in a number"),
        ("{ a: 0x }", 1, 8, "hex digits"),
        ("{a: 1}\n garbage", 2, 2, "after the end of the document"),
        ("{\n  a: 'unterminated\n}", 2, 19, "line break inside a string"),
        ("{\n  /* never closed\n  a: 1 }", 2, 3, "unterminated /* comment"),
        ("{ a: yes }", 1, 6, "unexpected word \"yes\""),
        ("{ a: 012 }", 1, 9, "must not start with 0"),
        ("{ a: 1,, }", 1, 8, "unexpected ','"),
        ("{ 1a: 1 }", 1, 3, "expected a key"),
    ])
    func locatesSyntaxErrors(text: String, line: Int, column: Int, reason: String) {
        do {
            _ = try JSON5.parse(text)
            Issue.record("accepted invalid JSON5: \(text)")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.column == column, "\(error)")
            #expect(error.reason.contains(reason), "\(error)")
        }
    }

    @Test func crlfCountsAsOneLineBreak() {
        #expect(throws: JSON5SyntaxError(reason: "expected ',' or '}', found '3'", line: 3, column: 7)) {
            try JSON5.parse("{\r\n a: 1,\r\n b: 2 3\r\n}")
        }
    }

    @Test func findsDuplicateKeysWithTheirPath() {
        let text = "{\n a: 1,\n g: { x: 1, 'x': 2 },\n a: 3,\n}"
        let dups = JSON5.duplicateKeys(in: text)
        #expect(dups == [
            JSON5DuplicateKey(path: "g.x", line: 3, column: 13),
            JSON5DuplicateKey(path: "a", line: 4, column: 2),
        ])
    }

    @Test func refusesNestingBeyondTheLimit() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        let report = JSON5SyntaxScanner.scan(deep)
        #expect(report.firstError?.reason.contains("nested more than") == true)
    }

    @Test func valuesDescribeThemselvesForErrorMessages() {
        #expect(JSON5Value.string("300").shortDescription == "\"300\"")
        #expect(JSON5Value.integer(300).shortDescription == "300")
        #expect(JSON5Value.number(1.5).shortDescription == "1.5")
        #expect(JSON5Value.number(.infinity).shortDescription == "Infinity")
        #expect(JSON5Value.array([]).shortDescription == "an empty array")
        #expect(JSON5Value.object([:]).shortDescription == "an object")
        #expect(JSON5Value.string(String(repeating: "x", count: 200)).shortDescription.count < 90)
    }
}
