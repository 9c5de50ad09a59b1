import Testing
import TextFormatting

@Suite struct DigitsTests {
    @Test func decimalIsPaddedWithZerosToTheWidth() {
        #expect(Digits.decimal(7, width: 2) == "07")
        #expect(Digits.decimal(0, width: 3) == "000")
        #expect(Digits.decimal(2026, width: 4) == "2026")
        #expect(Digits.decimal(59, width: 2) == "59")
    }

    @Test func aLongerNumberIsWrittenWhole() {
        #expect(Digits.decimal(100, width: 2) == "100")
        #expect(Digits.decimal(12345, width: 4) == "12345")
    }

    @Test func hexIsPaddedInTheCaseAsked() {
        #expect(Digits.hex(0x1B, width: 2, uppercase: true) == "1B")
        #expect(Digits.hex(0x7, width: 2, uppercase: true) == "07")
        #expect(Digits.hex(0x1F, width: 4, uppercase: false) == "001f")
        #expect(Digits.hex(0x1_2345, width: 4, uppercase: false) == "12345")
    }
}
