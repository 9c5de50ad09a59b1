/// A scanner of the JSON5 grammar (https://spec.json5.org) that builds no values: it only finds
/// the first syntax error with its line and column, and records duplicate keys. Foundation's
/// decoder does the real parsing but reports no position, and "line 12, column 3: expected ','
/// or '}'" is what a person fixing a config needs.
struct JSON5SyntaxScanner {
    struct Report {
        var firstError: JSON5SyntaxError?
        var duplicateKeys: [JSON5DuplicateKey]
    }

    /// Deeper nesting than this is refused rather than risk the stack on hostile input.
    static let maxDepth = 512

    static func scan(_ text: String) -> Report {
        var scanner = JSON5SyntaxScanner(text)
        do {
            try scanner.document()
            return Report(firstError: nil, duplicateKeys: scanner.duplicates)
        } catch {
            return Report(firstError: error, duplicateKeys: scanner.duplicates)
        }
    }

    private let chars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1
    private var duplicates: [JSON5DuplicateKey] = []

    private init(_ text: String) { chars = Array(text.unicodeScalars) }

    private struct Position { var index: Int; var line: Int; var column: Int }
    private var position: Position { Position(index: index, line: line, column: column) }

    // MARK: Grammar

    private mutating func document() throws(JSON5SyntaxError) {
        try skipSpaceAndComments()
        guard peek != nil else { throw fail("the document is empty") }
        try value(depth: 0, path: "")
        try skipSpaceAndComments()
        if let c = peek { throw fail("unexpected \(Self.show(c)) after the end of the document") }
    }

    private mutating func value(depth: Int, path: String) throws(JSON5SyntaxError) {
        guard depth < Self.maxDepth else { throw fail("nested more than \(Self.maxDepth) levels deep") }
        guard let c = peek else { throw fail("unexpected end of input, expected a value") }
        switch c {
        case "{": try object(depth: depth, path: path)
        case "[": try array(depth: depth, path: path)
        case "\"", "'": _ = try string()
        case "-", "+", ".", "0"..."9": try number()
        case "I", "N": try number()
        case "t", "f", "n": try literal()
        case _ where Self.isIdentifierStart(c): try literal()  // names the whole bad word
        default: throw fail("unexpected \(Self.show(c)), expected a value")
        }
    }

    private mutating func object(depth: Int, path: String) throws(JSON5SyntaxError) {
        let opened = position
        advance()  // {
        var seen = Set<String>()
        try skipSpaceAndComments()
        if peek == "}" { advance(); return }
        while true {
            let keyStart = position
            let key = try memberName(opened: opened)
            let keyPath = path.isEmpty ? key : "\(path).\(key)"
            if !seen.insert(key).inserted {
                duplicates.append(JSON5DuplicateKey(path: keyPath, line: keyStart.line, column: keyStart.column))
            }
            try skipSpaceAndComments()
            guard peek == ":" else {
                throw fail(peek == nil ? "unexpected end of input, expected ':' after key \(Self.quoted(key))"
                                       : "expected ':' after key \(Self.quoted(key)), found \(Self.show(peek!))")
            }
            advance()
            try skipSpaceAndComments()
            try value(depth: depth + 1, path: keyPath)
            if try closes(after: "}", of: "object", opened: opened) { return }
        }
    }

    private mutating func array(depth: Int, path: String) throws(JSON5SyntaxError) {
        let opened = position
        advance()  // [
        try skipSpaceAndComments()
        if peek == "]" { advance(); return }
        var count = 0
        while true {
            if peek == "," { throw fail("unexpected ',', expected a value") }
            try value(depth: depth + 1, path: "\(path)[\(count)]")
            count += 1
            if try closes(after: "]", of: "array", opened: opened) { return }
        }
    }

    /// After a member of an object or an element of an array: a `,` (JSON5 allows one before the
    /// closer) or the closer itself. True when the container is closed.
    private mutating func closes(after closer: Unicode.Scalar, of container: String, opened: Position) throws(JSON5SyntaxError) -> Bool {
        try skipSpaceAndComments()
        switch peek {
        case ",":
            advance()
            try skipSpaceAndComments()
            if peek == closer { advance(); return true }  // trailing comma
            return false
        case closer?:
            advance()
            return true
        case nil:
            throw fail("unexpected end of input, expected ',' or '\(closer)' (\(container) opened at \(Self.describe(opened)))")
        case let c?:
            throw fail("expected ',' or '\(closer)', found \(Self.show(c))")
        }
    }

    /// A quoted string or an ECMAScript identifier name.
    private mutating func memberName(opened: Position) throws(JSON5SyntaxError) -> String {
        guard let c = peek else {
            throw fail("unexpected end of input, expected a key or '}' (object opened at \(Self.describe(opened)))")
        }
        if c == "\"" || c == "'" { return try string() }
        guard Self.isIdentifierStart(c) || c == "\\" else {
            throw fail(c == "," ? "unexpected ',', expected a key or '}'" : "expected a key or '}', found \(Self.show(c))")
        }
        var name = ""
        while let c = peek {
            if c == "\\" {
                advance()
                guard peek == "u" else { throw fail("only \\u escapes are allowed in an unquoted key") }
                advance()
                name.unicodeScalars.append(try hexEscape(digits: 4))
            } else if Self.isIdentifierPart(c) {
                name.unicodeScalars.append(c)
                advance()
            } else {
                break
            }
        }
        return name
    }

    private mutating func string() throws(JSON5SyntaxError) -> String {
        let opened = position
        let quote = peek!
        advance()
        var out = ""
        while true {
            guard let c = peek else {
                throw JSON5SyntaxError(reason: "unterminated string", line: opened.line, column: opened.column)
            }
            if c == quote { advance(); return out }
            if c == "\n" || c == "\r" {
                throw fail("line break inside a string (escape it, or close the string opened at \(Self.describe(opened)))")
            }
            advance()
            guard c == "\\" else { out.unicodeScalars.append(c); continue }
            guard let e = peek else { continue }  // reported as unterminated on the next turn
            switch e {
            case "x":
                advance(); out.unicodeScalars.append(try hexEscape(digits: 2))
            case "u":
                advance(); out.unicodeScalars.append(try hexEscape(digits: 4))
            case "1"..."9":
                throw fail("invalid escape \\\(e) in a string")
            case "0":
                advance()
                if let d = peek, ("0"..."9").contains(d) { throw fail("invalid escape \\0\(d) in a string") }
                out.unicodeScalars.append("\0")
            case "\r":
                advance()
                if peek == "\n" { advance() }  // line continuation
            case "\n", "\u{2028}", "\u{2029}":
                advance()  // line continuation
            default:
                advance(); out.unicodeScalars.append(e)
            }
        }
    }

    private mutating func hexEscape(digits: Int) throws(JSON5SyntaxError) -> Unicode.Scalar {
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let c = peek, let d = Self.hexValue(c) else {
                throw fail("expected \(digits) hex digits in an escape")
            }
            value = value * 16 + d
            advance()
        }
        // A lone surrogate half is legal JSON5 text; it stands for a replacement character here,
        // which only matters for duplicate-key detection.
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    private mutating func number() throws(JSON5SyntaxError) {
        if peek == "+" || peek == "-" { advance() }
        if try keyword("Infinity") { return try endOfToken() }
        if try keyword("NaN") { return try endOfToken() }
        if peek == "0", let x = peek(1), x == "x" || x == "X" {
            advance(); advance()
            var count = 0
            while let c = peek, Self.hexValue(c) != nil { advance(); count += 1 }
            guard count > 0 else { throw fail("expected hex digits after 0x") }
            return try endOfToken()
        }
        var intDigits = 0
        let leadingZero = peek == "0"
        while let c = peek, ("0"..."9").contains(c) { advance(); intDigits += 1 }
        if leadingZero && intDigits > 1 { throw fail("a number must not start with 0 (octal is not JSON5)") }
        var fracDigits = 0
        if peek == "." {
            advance()
            while let c = peek, ("0"..."9").contains(c) { advance(); fracDigits += 1 }
        }
        guard intDigits + fracDigits > 0 else {
            throw fail(peek.map { "unexpected \(Self.show($0)) in a number" } ?? "unexpected end of input in a number")
        }
        if peek == "e" || peek == "E" {
            advance()
            if peek == "+" || peek == "-" { advance() }
            var expDigits = 0
            while let c = peek, ("0"..."9").contains(c) { advance(); expDigits += 1 }
            guard expDigits > 0 else { throw fail("expected digits in the exponent") }
        }
        try endOfToken()
    }

    private mutating func literal() throws(JSON5SyntaxError) {
        let start = position
        var word = ""
        while let c = peek, Self.isIdentifierPart(c) { word.unicodeScalars.append(c); advance() }
        guard ["true", "false", "null"].contains(word) else {
            throw JSON5SyntaxError(reason: "unexpected word \(Self.quoted(word)), expected a value (strings need quotes)",
                                   line: start.line, column: start.column)
        }
    }

    /// `12abc` or `Infinityx` is one bad token, not a number followed by junk.
    private mutating func endOfToken() throws(JSON5SyntaxError) {
        if let c = peek, Self.isIdentifierPart(c) { throw fail("unexpected \(Self.show(c)) in a number") }
    }

    private mutating func keyword(_ word: String) throws(JSON5SyntaxError) -> Bool {
        let scalars = Array(word.unicodeScalars)
        guard peek == scalars[0] else { return false }
        for (offset, s) in scalars.enumerated() where peek(offset) != s {
            throw fail("unexpected \(peek(offset).map(Self.show) ?? "end of input") in a number")
        }
        for _ in scalars { advance() }
        return true
    }

    private mutating func skipSpaceAndComments() throws(JSON5SyntaxError) {
        while let c = peek {
            if Self.isSpace(c) {
                advance()
            } else if c == "/" {
                let start = position
                switch peek(1) {
                case "/":
                    while let c = peek, !Self.isLineBreak(c) { advance() }
                case "*":
                    advance(); advance()
                    while true {
                        guard let c = peek else {
                            throw JSON5SyntaxError(reason: "unterminated /* comment", line: start.line, column: start.column)
                        }
                        advance()
                        if c == "*" && peek == "/" { advance(); break }
                    }
                default:
                    throw fail("unexpected '/' (comments start with // or /*)")
                }
            } else {
                return
            }
        }
    }

    // MARK: Cursor

    private var peek: Unicode.Scalar? { index < chars.count ? chars[index] : nil }
    private func peek(_ offset: Int) -> Unicode.Scalar? {
        index + offset < chars.count ? chars[index + offset] : nil
    }

    private mutating func advance() {
        let c = chars[index]
        index += 1
        // CR LF is one line break: count it at the LF.
        if c == "\r" && peek == "\n" { column += 1; return }
        if Self.isLineBreak(c) { line += 1; column = 1 } else { column += 1 }
    }

    private func fail(_ reason: String) -> JSON5SyntaxError {
        JSON5SyntaxError(reason: reason, line: line, column: column)
    }

    // MARK: Character classes

    private static func isLineBreak(_ c: Unicode.Scalar) -> Bool {
        c == "\n" || c == "\r" || c == "\u{2028}" || c == "\u{2029}"
    }

    private static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\t", "\n", "\u{0B}", "\u{0C}", "\r", " ", "\u{A0}", "\u{2028}", "\u{2029}", "\u{FEFF}": return true
        default: return c.properties.generalCategory == .spaceSeparator
        }
    }

    private static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        if c == "$" || c == "_" { return true }
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .letterNumber:
            return true
        default:
            return false
        }
    }

    private static func isIdentifierPart(_ c: Unicode.Scalar) -> Bool {
        if isIdentifierStart(c) || c == "\u{200C}" || c == "\u{200D}" { return true }
        switch c.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .decimalNumber, .connectorPunctuation: return true
        default: return false
        }
    }

    private static func hexValue(_ c: Unicode.Scalar) -> UInt32? {
        switch c {
        case "0"..."9": return c.value - 48
        case "a"..."f": return c.value - 87
        case "A"..."F": return c.value - 55
        default: return nil
        }
    }

    private static func show(_ c: Unicode.Scalar) -> String {
        switch c {
        case "\n": return "line break"
        case "\t": return "tab"
        case "'": return "\"'\""
        default:
            return c.properties.generalCategory == .control ? "control character U+\(String(c.value, radix: 16, uppercase: true))" : "'\(c)'"
        }
    }

    private static func quoted(_ s: String) -> String { JSON5Value.quote(s, limit: 40) }

    private static func describe(_ p: Position) -> String { "line \(p.line), column \(p.column)" }
}
