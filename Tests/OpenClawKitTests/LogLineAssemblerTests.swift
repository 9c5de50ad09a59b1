import Testing
@testable import OpenClawKit

@Suite struct LogLineAssemblerTests {
    /// Feeds `text` in chunks of `size` bytes and returns the lines handed on.
    func lines(_ text: String, chunk size: Int, maxLineBytes: Int = 1 << 20, finish: Bool = false) -> ([String], LogLineAssembler) {
        var assembler = LogLineAssembler(maxLineBytes: maxLineBytes)
        var result: [String] = []
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + size)
            bytes[start..<end].withUnsafeBytes { chunk in
                assembler.consume(chunk) { result.append(String(decoding: $0, as: UTF8.self)) }
            }
            start = end
        }
        if finish { assembler.finish { result.append(String(decoding: $0, as: UTF8.self)) } }
        return (result, assembler)
    }

    @Test func everyChunkingGivesTheSameLines() {
        let text = "alpha\nbeta\n\ngamma delta\nepsilon\n"
        for size in 1...text.utf8.count {
            #expect(lines(text, chunk: size).0 == ["alpha", "beta", "", "gamma delta", "epsilon"], "chunk size \(size)")
        }
    }

    @Test func partialLastLineWaitsForItsNewline() {
        let (result, assembler) = lines("one\ntw", chunk: 3)
        #expect(result == ["one"])
        #expect(assembler.pendingByteCount == 2)
        #expect(lines("one\ntw", chunk: 3, finish: true).0 == ["one", "tw"])
    }

    @Test func overlongLinesAreDroppedWhetherSplitOrWhole() {
        let long = String(repeating: "x", count: 50)
        let text = "ok\n\(long)\nfine\n\(long)\nend\n"
        for size in [1, 7, 16, 64, 200] {
            let (result, assembler) = lines(text, chunk: size, maxLineBytes: 20)
            #expect(result == ["ok", "fine", "end"], "chunk size \(size)")
            #expect(assembler.linesSkipped == 2, "chunk size \(size)")
        }
    }

    @Test func aLineOfExactlyTheLimitIsKept() {
        let exact = String(repeating: "y", count: 20)
        for size in [1, 5, 100] {
            #expect(lines(exact + "\n", chunk: size, maxLineBytes: 20).0 == [exact])
        }
    }

    @Test func discardUntilNewlineDropsTheRestOfALineSilently() {
        var assembler = LogLineAssembler(maxLineBytes: 100)
        assembler.discardUntilNewline()
        var result: [String] = []
        Array("tail of history\nnew line\n".utf8).withUnsafeBytes { chunk in
            assembler.consume(chunk) { result.append(String(decoding: $0, as: UTF8.self)) }
        }
        #expect(result == ["new line"])
        #expect(assembler.linesSkipped == 0)
    }

    @Test func resetForgetsThePartialLine() {
        var assembler = LogLineAssembler(maxLineBytes: 100)
        var result: [String] = []
        Array("stale".utf8).withUnsafeBytes { assembler.consume($0) { result.append(String(decoding: $0, as: UTF8.self)) } }
        assembler.reset()
        Array("fresh\n".utf8).withUnsafeBytes { assembler.consume($0) { result.append(String(decoding: $0, as: UTF8.self)) } }
        #expect(result == ["fresh"])
    }
}
