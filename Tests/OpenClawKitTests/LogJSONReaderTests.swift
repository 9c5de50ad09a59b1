import Testing
@testable import OpenClawKit

@Suite struct LogJSONReaderTests {
    @Test func readsEveryKindOfValue() throws {
        let value = try LogJSONReader.read(#" {"s":"a\"b\\c\/d\n\t\u00e9\ud83e\udd9e","n":-12.5e1,"i":429,"t":true,"f":false,"z":null,"a":[1,"x",{}],"o":{"k":[]}} "#)
        #expect(value["s"] == .string("a\"b\\c/d\n\té🦞"))
        #expect(value["n"] == .number(-125))
        #expect(value["i"]?.intValue == 429)
        #expect(value["t"] == .bool(true))
        #expect(value["f"]?.boolValue == false)
        #expect(value["z"] == .null)
        #expect(value["a"] == .array([.number(1), .string("x"), .object([:])]))
        #expect(value["o"]?["k"] == .array([]))
    }

    @Test func repeatedKeysKeepTheLastValue() throws {
        #expect(try LogJSONReader.read(#"{"k":1,"k":2}"#)["k"] == .number(2))
    }

    @Test func loneSurrogatesBecomeReplacementCharacters() throws {
        #expect(try LogJSONReader.read(#""\ud83e x""#) == .string("\u{FFFD} x"))
        #expect(try LogJSONReader.read(#""\udd9e""#) == .string("\u{FFFD}"))
    }

    @Test func numericStringsReadAsIntegers() throws {
        #expect(LogJSONValue.string("524").intValue == 524)
        #expect(LogJSONValue.string("52x").intValue == nil)
        #expect(LogJSONValue.number(429.5).intValue == nil)
    }

    @Test(arguments: [
        (#"{"a":1"#, LogJSONError.Kind.unexpectedEnd),
        (#"{"a":1,}"#, .unexpectedByte(UInt8(ascii: "}"))),
        (#"{"a" 1}"#, .unexpectedByte(UInt8(ascii: "1"))),
        (#"{"a":"\x"}"#, .invalidEscape),
        (#"{"a":"\u12G4"}"#, .invalidEscape),
        (#"{"a":-}"#, .invalidNumber),
        (#"{"a":1.}"#, .invalidNumber),
        (#"{"a":tru}"#, .unexpectedByte(UInt8(ascii: "}"))),
        (#"{"a":1} x"#, .trailingBytes),
        ("{\"a\":\"line\nbreak\"}", .unexpectedByte(0x0A)),
        ("", .unexpectedEnd),
    ])
    func malformedInputNamesWhatIsWrong(text: String, kind: LogJSONError.Kind) {
        #expect(throws: LogJSONError.self) { try LogJSONReader.read(text) }
        do {
            _ = try LogJSONReader.read(text)
        } catch {
            #expect(error.kind == kind)
        }
    }

    @Test func nestingIsCapped() {
        let deep = String(repeating: "[", count: LogJSONReader.maxDepth + 1) + String(repeating: "]", count: LogJSONReader.maxDepth + 1)
        #expect(throws: LogJSONError(kind: .nestingTooDeep(limit: LogJSONReader.maxDepth), offset: LogJSONReader.maxDepth)) {
            try LogJSONReader.read(deep)
        }
        let allowed = String(repeating: "[", count: LogJSONReader.maxDepth) + String(repeating: "]", count: LogJSONReader.maxDepth)
        #expect(throws: Never.self) { try LogJSONReader.read(allowed) }
    }
}
