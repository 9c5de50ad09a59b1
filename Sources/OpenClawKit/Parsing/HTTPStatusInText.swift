/// Finds the HTTP status a provider error text carries: `429 {"type":"error",…}`, `HTTP 401: …`,
/// `status: 529`, `"status":402`. Only 4xx/5xx count, and only in those positions, so ids and
/// timestamps that happen to contain 429 are not read as a rate limit.
enum HTTPStatusInText {
    static func find(_ text: String) -> Int? {
        let patterns = [
            #"(?i)^\s*(?:error:\s*)?([45]\d\d)\b"#,
            #"(?i)\bhttp(?:\s+status)?\s*:?\s*([45]\d\d)\b"#,
            #"(?i)["']?status(?:Code)?["']?\s*[:=]\s*([45]\d\d)\b"#,
        ]
        for pattern in patterns {
            guard let regex = try? Regex(pattern).anchorsMatchLineEndings(),
                  let match = try? regex.firstMatch(in: text),
                  let digits = match.output[1].substring else { continue }
            return Int(digits)
        }
        return nil
    }
}
