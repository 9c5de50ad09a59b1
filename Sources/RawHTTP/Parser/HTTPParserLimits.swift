/// The size bounds the parser enforces (defaults from the project's HTTP issue).
struct HTTPParserLimits: Sendable, Equatable {
    /// Longest request line, CRLF excluded; beyond it: 414.
    var maxRequestLineBytes = 8 * 1024
    /// Largest header section (field lines and the empty line, CRLFs included); beyond it: 431.
    var maxHeaderBytes = 16 * 1024
    /// Most field lines in a header section; beyond it: 431.
    var maxHeaderCount = 100
    /// Largest decoded body, with fixed length or chunked; beyond it: 413.
    var maxBodyBytes = 64 * 1024
    /// Longest chunk-size line (size plus extensions); beyond it: 400.
    var maxChunkLineBytes = 1024
    /// Empty lines tolerated before a request line (RFC 9112 section 2.2 asks for at least one).
    var maxLeadingEmptyLines = 4
}
