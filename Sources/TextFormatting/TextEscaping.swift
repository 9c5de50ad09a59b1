/// The walk every hand-written text format of the healer shares (JSON strings, curl config values,
/// log line values, the status page's HTML): each Unicode scalar is kept or replaced by what the
/// format's rule says. The rules stay with their formats, because each format escapes differently;
/// only the walk and the escapes several formats agree on live here.
public enum TextEscaping {
    /// `text` with every scalar for which `replacement` returns a string replaced by that string;
    /// the others are kept as they are.
    public static func escape(_ text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let replaced = replacement(scalar) {
                out += replaced
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `escape` inside double quotes.
    public static func doubleQuoted(_ text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
        "\"" + escape(text, replacement) + "\""
    }

    /// The backslash escapes that JSON (RFC 8259 section 7), curl's config files and the log line's
    /// quoted values agree on: `\\`, `\"`, `\n`, `\r`, `\t`. Nil for any other scalar.
    public static func backslashEscape(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "\\": "\\\\"
        case "\"": "\\\""
        case "\n": "\\n"
        case "\r": "\\r"
        case "\t": "\\t"
        default: nil
        }
    }
}
