// libFuzzer target for the redactor (`Redactor.redact`, HealCore), with an oracle: the input is
// split into the text before and after a planted secret and the choice of secret, so the fuzzer
// explores every context a credential can stand in (glued to a letter, inside a label, a URL,
// JSON, escaped JSON, a session key, after multi-byte characters).
//
// For every input:
// - the planted secret's secret part does not survive redaction, whatever surrounds it;
// - redaction is idempotent and gives valid UTF-8 for valid UTF-8;
// - text without a trigger byte comes back unchanged, and the whole input redacted alone never traps.
// A broken property traps, which libFuzzer reports as a crash with the input saved.
@testable import HealCore

@_cdecl("LLVMFuzzerTestOneInput")
public func redactorFuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    RedactorFuzz.check(UnsafeBufferPointer(start: data, count: size))
    return 0
}

enum RedactorFuzz {
    /// (the secret as planted, the part that must not survive)
    static let planted: [(String, String)] = [
        ("sk-ant-api03-Zx8mQ2vN4pL6rT0yW3bK5dF7hJ9cG1sA", "Zx8mQ2vN4pL6rT0y"),
        ("sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z", "Ab3dEf6hIj9kLm2n"),
        ("AIzaSyD4x9Qm2Lp7Vn3Kc8Rt1Wb6Yh0Ju5Fe2Gs", "SyD4x9Qm2Lp7Vn3K"),
        ("ghp_R4nD0mT0k3nV4lu3Xy9Zq2Wp8Lm5Kj7Hg1Fd", "R4nD0mT0k3nV4lu3"),
        ("github_pat_11ABCDEFG0aBcDeFgHiJkL_mNoPqRsTuVwXyZ0123456789", "11ABCDEFG0aBcDeF"),
        ("xoxb-1234567890-0987654321-Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op", "1234567890-09876"),
        ("7091234567:AAF3kL9mN2pQ4rS6tU8vW0xY1zA3bC5dE7g", "AAF3kL9mN2pQ4rS6"),
        ("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N", "hbGciOiJIUzI1NiJ9"),
        ("AKIAIOSFODNN7EXAMPLQ", "IOSFODNN7EXAMPLQ"),
        ("ya29.a0AfH6SMBx9Kq2Lm5Np8Rs1Tu4Vw7Xy0Za3Bc", "a0AfH6SMBx9Kq2Lm"),
        ("Bearer dGhpc2lzYXNlY3JldHRva2Vu42", "dGhpc2lzYXNlY3Jl"),
        ("password=Tr0ub4dor3xyzQ", "Tr0ub4dor3xyzQ"),
    ]
    /// A table, not a `Set`: hashing every input byte was a noticeable part of each execution.
    static let isTrigger: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for b in ":=%sgxAyeBb0123456789".utf8 { table[Int(b)] = true }
        return table
    }()

    static func check(_ input: UnsafeBufferPointer<UInt8>) {
        let whole = String(decoding: input, as: UTF8.self)
        let once = Redactor.redact(whole)
        require(Redactor.redact(once) == once, "not idempotent: \(once.debugDescription) → \(Redactor.redact(once).debugDescription)", whole)
        if !input.contains(where: { isTrigger[Int($0)] }) { require(once == whole, "changed text without a trigger", whole) }
        guard input.count >= 2 else { return }
        let (secret, core) = planted[Int(input[0]) % planted.count]
        let rest = input[2...]
        let split = rest.startIndex + Int(input[1]) % (rest.count + 1)
        let before = String(decoding: rest[..<min(split, rest.endIndex)], as: UTF8.self)
        let after = String(decoding: rest[min(split, rest.endIndex)...], as: UTF8.self)
        // The core must be whole in the text we build: a prefix that ends in the middle of a
        // multi-byte character is repaired by decoding, never by touching the secret.
        let text = before + secret + after
        // An AWS key id glued to more letters or digits is not one (they are exactly 20).
        if secret.hasPrefix("AKIA"), let next = after.utf8.first, ASCIIClass.isAlphanumeric(next) { return }
        let out = Redactor.redact(text)
        // The fuzzer may copy the secret's letters into the text around it, where they are no
        // key (no prefix): only the planted copy must be gone.
        let unplanted = occurrences(of: core, in: before) + occurrences(of: core, in: after)
        require(occurrences(of: core, in: out) <= unplanted, "a planted secret survived: \(out.debugDescription)", text)
        require(Redactor.redact(out) == out, "not idempotent: \(out.debugDescription) → \(Redactor.redact(out).debugDescription)", text)
    }

    static func occurrences(of needle: String, in text: String) -> Int {
        let hay = Array(text.utf8), n = Array(needle.utf8)
        guard n.count <= hay.count, !n.isEmpty else { return 0 }
        var count = 0
        for start in 0...(hay.count - n.count) where hay[start] == n[0] && hay[start..<start + n.count].elementsEqual(n) { count += 1 }
        return count
    }

    static func require(_ condition: Bool, _ message: @autoclosure () -> String, _ text: String) {
        guard !condition else { return }
        fatalError("redactor property broken: \(message())\ninput: \(String(text.prefix(2000)).debugDescription)")
    }
}
