/// Line grammars of RFC 9112: request-line (section 3), field-line (section 5), chunk-size (section 7.1).
extension HTTPRequestParser {
    /// Parses `method SP request-target SP HTTP-version` into the request in progress.
    mutating func parseRequestLine(_ line: ArraySlice<UInt8>) -> HTTPParseError? {
        guard let firstSpace = line.firstIndex(of: ASCII.space) else { return .badRequest(.invalidRequestLine) }
        let afterMethod = line.index(after: firstSpace)
        guard let secondSpace = line[afterMethod...].firstIndex(of: ASCII.space) else {
            return .badRequest(.invalidRequestLine)
        }
        let methodBytes = line[..<firstSpace]
        let targetBytes = line[afterMethod..<secondSpace]
        let versionBytes = line[line.index(after: secondSpace)...]
        guard !methodBytes.isEmpty, !targetBytes.isEmpty, !versionBytes.isEmpty,
              !versionBytes.contains(ASCII.space) else {
            return .badRequest(.invalidRequestLine)
        }
        guard methodBytes.allSatisfy(ASCII.isTokenChar) else { return .badRequest(.invalidMethod) }
        switch Self.parseVersion(versionBytes) {
        case .failure(let error): return error
        case .success(let parsed): version = parsed
        }
        guard targetBytes.allSatisfy(ASCII.isTargetByte) else { return .badRequest(.invalidTarget) }
        method = String(decoding: methodBytes, as: UTF8.self)
        target = String(decoding: targetBytes, as: UTF8.self)
        guard Self.isAcceptedTargetForm(target, method: method) else { return .badRequest(.invalidTarget) }
        return nil
    }

    /// `HTTP/1.1` and `HTTP/1.0` are served; any other well-formed `HTTP/x.y` is 505, the rest 400.
    static func parseVersion(_ bytes: ArraySlice<UInt8>) -> Result<HTTPVersion, HTTPParseError> {
        let text = String(decoding: bytes, as: UTF8.self)
        if text == "HTTP/1.1" { return .success(.http11) }
        if text == "HTTP/1.0" { return .success(.http10) }
        guard text.hasPrefix("HTTP/") else { return .failure(.badRequest(.invalidVersion)) }
        let number = text.dropFirst(5).split(separator: ".", omittingEmptySubsequences: false)
        let wellFormed = (1...2).contains(number.count)
            && number.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.utf8.allSatisfy(ASCII.isDigit) }
        return .failure(wellFormed ? .unsupportedVersion(text) : .badRequest(.invalidVersion))
    }

    /// origin-form (`/path`), absolute-form (`http://host/path`), and `*` for OPTIONS only.
    /// authority-form belongs to CONNECT, which this server does not proxy.
    static func isAcceptedTargetForm(_ target: String, method: String) -> Bool {
        if target.hasPrefix("/") { return true }
        if target == "*" { return method == "OPTIONS" }
        let lower = target.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// `field-name ":" OWS field-value OWS`, strictly: no whitespace before the colon (RFC 9112
    /// section 5.1 requires a 400) and no obs-fold (section 5.2 allows rejecting it).
    static func parseFieldLine(_ line: ArraySlice<UInt8>) -> Result<(name: String, value: String), HTTPParseError> {
        guard let first = line.first else { return .failure(.badRequest(.missingColon)) }
        if ASCII.isOptionalWhitespace(first) { return .failure(.badRequest(.obsoleteLineFolding)) }
        guard let colon = line.firstIndex(of: ASCII.colon) else { return .failure(.badRequest(.missingColon)) }
        let name = line[..<colon]
        guard let lastOfName = name.last else { return .failure(.badRequest(.invalidFieldName)) }
        if ASCII.isOptionalWhitespace(lastOfName) { return .failure(.badRequest(.whitespaceBeforeColon)) }
        guard name.allSatisfy(ASCII.isTokenChar) else { return .failure(.badRequest(.invalidFieldName)) }
        var value = line[line.index(after: colon)...]
        while let head = value.first, ASCII.isOptionalWhitespace(head) { value = value.dropFirst() }
        while let tail = value.last, ASCII.isOptionalWhitespace(tail) { value = value.dropLast() }
        guard value.allSatisfy(ASCII.isFieldValueByte) else { return .failure(.badRequest(.invalidFieldValue)) }
        return .success((String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self)))
    }

    /// `chunk-size [ chunk-ext ]` (RFC 9112 section 7.1): the hexadecimal size, then extensions
    /// checked against their grammar and ignored,
    /// `*( BWS ";" BWS chunk-ext-name [ BWS "=" BWS ( token / quoted-string ) ] )`.
    /// More than 8 hex digits cannot fit any sane limit.
    static func parseChunkSize(_ line: ArraySlice<UInt8>) -> Result<Int, HTTPParseError> {
        var size = 0
        var digits = 0
        var index = line.startIndex
        while index < line.endIndex, let value = ASCII.hexValue(line[index]) {
            digits += 1
            if digits > 8 { return .failure(.bodyTooLarge) }
            size = size * 16 + value
            index += 1
        }
        guard digits > 0 else { return .failure(.badRequest(.invalidChunkSize)) }
        guard index == line.endIndex || ASCII.isOptionalWhitespace(line[index]) || line[index] == 0x3B else {
            return .failure(.badRequest(.invalidChunkSize))
        }
        return isValidChunkExtensionList(line[index...]) ? .success(size) : .failure(.badRequest(.invalidChunkExtension))
    }

    static func isValidChunkExtensionList(_ bytes: ArraySlice<UInt8>) -> Bool {
        var i = bytes.startIndex
        let end = bytes.endIndex
        func skipWhitespace() { while i < end, ASCII.isOptionalWhitespace(bytes[i]) { i += 1 } }
        func skipToken() -> Bool {
            let start = i
            while i < end, ASCII.isTokenChar(bytes[i]) { i += 1 }
            return i > start
        }
        while i < end {
            skipWhitespace()
            guard i < end, bytes[i] == 0x3B else { return false }  // ";"; trailing whitespace is not allowed
            i += 1
            skipWhitespace()
            guard skipToken() else { return false }
            let afterName = i
            skipWhitespace()
            if i < end, bytes[i] == 0x3D {  // "="
                i += 1
                skipWhitespace()
                if i < end, bytes[i] == 0x22 {
                    guard skipQuotedString(bytes, &i) else { return false }
                } else {
                    guard skipToken() else { return false }
                }
            } else {
                i = afterName
            }
        }
        return true
    }

    /// `DQUOTE *( qdtext / quoted-pair ) DQUOTE` (RFC 9110 section 5.6.4), from the opening quote.
    private static func skipQuotedString(_ bytes: ArraySlice<UInt8>, _ i: inout Int) -> Bool {
        i += 1
        while i < bytes.endIndex {
            let b = bytes[i]
            switch b {
            case 0x22:
                i += 1
                return true
            case 0x5C:
                guard i + 1 < bytes.endIndex else { return false }
                let escaped = bytes[i + 1]
                guard escaped == ASCII.tab || (escaped >= 0x20 && escaped != 0x7F) else { return false }
                i += 2
            case ASCII.tab, 0x20, 0x21, 0x23...0x5B, 0x5D...0x7E, 0x80...0xFF:
                i += 1
            default:
                return false
            }
        }
        return false
    }
}
