/// Writes Prometheus text exposition format 0.0.4: one `# HELP` and `# TYPE` per family, then its
/// samples, label values escaped.
struct PrometheusText {
    private(set) var output = ""

    enum Kind: String { case gauge, counter }

    mutating func family(_ name: String, _ kind: Kind, _ help: String, samples: [(labels: [(String, String)], value: Double)]) {
        output += "# HELP \(name) \(Self.escapeHelp(help))\n"
        output += "# TYPE \(name) \(kind.rawValue)\n"
        for sample in samples {
            output += name
            if !sample.labels.isEmpty {
                output += "{" + sample.labels.map { "\($0.0)=\"\(Self.escapeLabel($0.1))\"" }.joined(separator: ",") + "}"
            }
            output += " " + Self.format(sample.value) + "\n"
        }
    }

    mutating func single(_ name: String, _ kind: Kind, _ help: String, _ value: Double) {
        family(name, kind, help, samples: [([], value)])
    }

    /// Label values escape backslash, double quote and line feed.
    static func escapeLabel(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(ch)
            }
        }
        return out
    }

    /// HELP text escapes backslash and line feed.
    static func escapeHelp(_ s: String) -> String {
        s.replacing("\\", with: "\\\\").replacing("\n", with: "\\n")
    }

    static func format(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v > 0 ? "+Inf" : "-Inf" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }
}
