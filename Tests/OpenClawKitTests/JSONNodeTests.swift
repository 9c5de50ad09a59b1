import Foundation
import Testing
@testable import OpenClawKit

/// The CLI's documents read by `LogJSONReader.document` and walked through `JSONNode`.
@Suite struct JSONNodeTests {
    private func node(_ text: String) throws -> JSONNode { try JSONNode.parse(text) }

    private func failure(_ text: String) -> LogJSONError? {
        do { _ = try JSONNode.parse(text); return nil } catch { return error }
    }

    @Test func readsEveryKindStrictly() throws {
        let value = try node(#" {"s":"x","i":429,"d":1.5,"t":true,"f":false,"z":null,"a":[1,"x",{}],"o":{"k":[]}} "#)
        #expect(value["s"]?.string == "x")
        #expect(value["i"]?.int == 429 && value["i"]?.double == 429)
        #expect(value["d"]?.double == 1.5 && value["d"]?.int == nil)
        #expect(value["t"]?.bool == true && value["f"]?.bool == false)
        #expect(value["z"]?.isNull == true)
        #expect(value["a"]?.array?.count == 3 && value["a"]?.array?[1].string == "x")
        #expect(value["o"]?["k"]?.array?.isEmpty == true)
        #expect(value["missing"] == nil && value["s"]?["deeper"] == nil)
        // Strict: no boolean from a number or a string, no number from a string.
        #expect(value["i"]?.bool == nil && value["s"]?.int == nil && value["t"]?.int == nil)
        #expect(try node(#""true""#).bool == nil)
        #expect(value.kindName == "an object" && value["a"]?.kindName == "an array" && value["t"]?.kindName == "a boolean")
    }

    @Test func escapesAndSurrogatesAreDecoded() throws {
        let value = try node(#"{"s":"a\"b\\c\/d\n\t\u00e9\ud83e\udd9e","k\u00e9y":1,"lone":"\ud83e x"}"#)
        #expect(value["s"]?.string == "a\"b\\c/d\n\té🦞")
        // An escaped key is found by its decoded name.
        #expect(value["kéy"]?.int == 1)
        #expect(value["lone"]?.string == "\u{FFFD} x")
        #expect(failure(#"{"a":"\x"}"#)?.kind == .invalidEscape)
        #expect(failure(#"{"a":"\u12G4"}"#)?.kind == .invalidEscape)
        #expect(failure("{\"a\":\"tab\there\"}")?.kind == .unexpectedByte(0x09))
    }

    @Test func wholeNumbersKeepAllTheirDigits() throws {
        let value = try node(#"[9007199254740993, -9223372036854775808, 9223372036854775807, 1.0, 1e3, 2.5]"#)
        let numbers = try #require(value.array)
        #expect(numbers[0].int64 == 9_007_199_254_740_993)
        #expect(numbers[1].int64 == .min)
        #expect(numbers[2].int64 == .max)
        #expect(numbers[3].int64 == 1 && numbers[4].int64 == 1000)
        #expect(numbers[5].int64 == nil && numbers[5].double == 2.5)
    }

    @Test func hugeNumbersAreReadButAreNoIntegers() throws {
        let value = try node(#"{"big":123456789012345678901234567890,"over":9223372036854775808,"inf":1e400,"tiny":-1e-400}"#)
        #expect(value["big"]?.int64 == nil)
        #expect(value["big"]?.double == 1.2345678901234568e29)
        #expect(value["over"]?.int64 == nil && value["over"]?.double == 9.223372036854775808e18)
        // Beyond a Double: a number all the same (the document is valid), but no value to use.
        #expect(value["inf"]?.kindName == "a number" && value["inf"]?.double == nil && value["inf"]?.int64 == nil)
        #expect(value["tiny"]?.double == 0)
        #expect(failure(#"[01x]"#) != nil)
        #expect(failure(#"[1.]"#)?.kind == .invalidNumber)
        #expect(failure(#"[-]"#)?.kind == .invalidNumber)
    }

    @Test func repeatedKeysAnswerTheLastValue() throws {
        let value = try node(#"{"k":1,"other":true,"k":2}"#)
        #expect(value["k"]?.int == 2)
        #expect(value.object?["k"]?.int == 2 && value.object?.count == 2)
        #expect(value.members?.map(\.key) == ["k", "other", "k"])
        #expect(String(decoding: value.jsonBytes(sortedKeys: true), as: UTF8.self) == #"{"k":2,"other":true}"#)
    }

    @Test func nestingIsBounded() throws {
        let limit = LogJSONReader.documentMaxDepth
        let deepest = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        #expect(try node(deepest).array?.count == 1)
        let tooDeep = String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)
        #expect(failure(tooDeep)?.kind == .nestingTooDeep(limit: limit))
        // A hostile opener run costs one error, not the stack.
        #expect(failure(String(repeating: "{\"a\":", count: 100_000))?.kind == .nestingTooDeep(limit: limit))
    }

    @Test(arguments: [
        (#"{"jobs":[{"id":"a"},{"id":"b""#, LogJSONError.Kind.unexpectedEnd),
        (#"{"jobs":[{"id":"a"},"#, .unexpectedEnd),
        (#"{"jobs":"unterminated"#, .unexpectedEnd),
        (#"{"a":tr"#, .unexpectedEnd),
        (#"{"a":1,}"#, .unexpectedByte(UInt8(ascii: "}"))),
        (#"{"a":1} {"b":2}"#, .trailingBytes),
        ("", .unexpectedEnd),
    ])
    func truncatedOrBrokenDocumentsAreTypedErrors(text: String, kind: LogJSONError.Kind) {
        #expect(failure(text)?.kind == kind)
    }

    @Test func equalityIsByValue() throws {
        #expect(try node(#"{"b":[1,2.0],"a":"x"}"#) == .object(["a": .string("x"), "b": .array([.int(1), .double(2)])]))
        #expect(try node("1") != .string("1"))
        #expect(try node("true") == .bool(true) && JSONNode.null.isNull)
    }

    @Test func writingKeepsNumbersAndEscapesStrings() throws {
        let value = try node(#"{"z":1700000000123,"big":123456789012345678901234567890,"s":"q\"\\\n\u0001é","e":{},"l":[]}"#)
        let pretty = String(decoding: value.jsonBytes(pretty: true, sortedKeys: true), as: UTF8.self)
        #expect(pretty == "{\n  \"big\" : 123456789012345678901234567890,\n  \"e\" : {},\n  \"l\" : [],\n  \"s\" : \"q\\\"\\\\\\n\\u0001é\",\n  \"z\" : 1700000000123\n}")
        #expect(try JSONNode.parse(pretty) == value)
    }
}
