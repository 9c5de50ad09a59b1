import Testing
@testable import HealCore

/// The classifier's cheap paths: byte tests on ASCII texts, the `String` comparison kept for other
/// texts, and the literal test in front of each regex. Each must answer what the slow path answers.
@Suite struct ErrorClassifierPrefilterTests {
    @Test func asciiTextsAreLowerCasedAsBytes() {
        let text = LoweredText(lowercasing: "HTTP 429: Too Many Requests")
        #expect(text.isASCII && text.string == "http 429: too many requests")
        #expect(text.bytes == Array("http 429: too many requests".utf8))
    }

    /// Unicode lower-casing can make ASCII letters of other characters (the Kelvin sign becomes
    /// `k`); such texts are lower-cased as before, so the patterns see the same text.
    @Test func otherTextsAreLowerCasedAsBefore() {
        let kelvin = LoweredText(lowercasing: "\u{212A}ey limit exceeded")
        #expect(!kelvin.isASCII && kelvin.string == "key limit exceeded")
        #expect(ErrorClassifier.classify("\u{212A}ey limit exceeded").reason == .billing)
    }

    /// A combining mark makes a new grapheme: `String.contains` does not find `exceeded` in
    /// `exceedeď`, and neither does the classifier, while a byte search alone would.
    @Test func graphemesDecideForTextsThatAreNotASCII() {
        let text = LoweredText(lowercasing: "key limit exceede\u{30C}d")
        #expect(!text.contains("exceeded") && ByteSearch.contains(text.bytes, "exceede"))
        #expect(LoweredText(lowercasing: "café: key limit exceeded").contains("key limit exceeded"))
    }

    @Test func aRegexRunsOnlyWhereItsLiteralIs() {
        let pattern = TextPattern.regex(#/rate[_ -]?limit/#, needs: "limit")
        #expect(pattern.matches(LoweredText(lowercasing: "Rate-Limit hit")))
        #expect(!pattern.matches(LoweredText(lowercasing: "rate capped")))
        // No literal given: the regex decides alone.
        #expect(TextPattern.regex(#/rate[_ -]?limit/#).matches(LoweredText(lowercasing: "rate_limit")))
    }

    @Test(arguments: [
        ("429", 429), ("  429 {", 429), ("error: 503 service unavailable", 503), ("error429", 429),
        ("error:\t 404,", 404), ("400", 400), ("429\r\n", 429), ("[429]", nil), ("4290", nil), ("429a", nil),
        ("error", nil), ("error: x 429", nil), ("42", nil), ("", nil), ("999 ", 999), ("429.5", nil),
    ] as [(String, Int?)])
    func theLeadingStatusByHand(text: String, code: Int?) {
        #expect(WrittenStatus.leadingCode(Array(text.utf8)) == code)
    }

    /// Outside 100…599 the leading number is no status, and the later forms are read instead.
    @Test func aLeadingNumberOutOfRangeLetsTheOtherFormsSpeak() {
        #expect(WrittenStatus.find(in: "999 then http 503") == 503)
        #expect(WrittenStatus.find(in: "٤٢٩ too many requests") == nil)
    }

    @Test func anHTMLPageNeedsItsEnd() {
        #expect(ErrorClassifier.classify("503 <!DOCTYPE html><html><body>x</body></html>").reason == .timeout)
        #expect(!FailurePatterns.isHTMLPage(LoweredText(lowercasing: "503 <!doctype html><html><body>cut")))
    }

    @Test func aSummaryIsFoundInAnyCase() {
        #expect(ErrorClassifier.failedModels(in: "ALL MODELS FAILED (1): a/b: 429 (rate_limit)").map(\.model) == ["a/b"])
        #expect(ErrorClassifier.failedModels(in: "all models were fine").isEmpty)
    }

    @Test func retryHintsAreReadOnlyWhereTheirWordsAre() {
        #expect(RetryHint.parse("429 too many requests") == RetryHint())
        #expect(RetryHint.parse("x-ratelimit-reset-tokens: 6m0s").retryAfterSec == 360)
        #expect(RetryHint.parse("claude ai usage limit reached|1755874800").resetAt != nil)
    }
}
