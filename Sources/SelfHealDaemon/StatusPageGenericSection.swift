import FoundationEssentials
import HealCore

/// Shows a part of the snapshot's JSON that has no section of its own: a list of objects as a
/// table (the union of their scalar fields as columns), an object as field/value rows, a scalar as
/// a line. Bounded, so a large part cannot make the page huge.
enum GenericSection {
    static let maxRows = 50
    static let maxColumns = 10

    static func render(_ page: inout HTMLWriter, title: String, value: JSON5Value) {
        page.section(title, id: "part-" + title.lowercased().filter { $0.isLetter || $0.isNumber })
        switch value {
        case .array(let list):
            let objects = list.compactMap { item -> [String: JSON5Value]? in
                if case .object(let members) = item { return members }
                return nil
            }
            if list.isEmpty {
                page.raw("<p class=\"quiet\">none</p>")
            } else if objects.count == list.count {
                var columns: [String] = []
                for object in objects.prefix(maxRows) {
                    for key in object.keys.sorted() where !columns.contains(key) && columns.count < maxColumns {
                        columns.append(key)
                    }
                }
                page.table(columns, rows: objects.prefix(maxRows).map { object in columns.map { text(object[$0]) } })
            } else {
                page.table(["value"], rows: list.prefix(maxRows).map { [text($0)] })
            }
            if list.count > maxRows { page.raw("<p class=\"quiet\">and \(list.count - maxRows) more</p>") }
        case .object(let object):
            page.table(["field", "value"], rows: object.keys.sorted().prefix(maxRows).map { [$0, text(object[$0])] })
        default:
            page.raw("<p>\(HTMLText.outside(text(value)))</p>")
        }
        page.end()
    }

    /// A JSON value as one line of text (nested parts as compact JSON).
    static func text(_ value: JSON5Value?) -> String {
        switch value {
        case nil, .null?: return ""
        case .string(let string)?: return string
        case .bool(let flag)?: return flag ? "yes" : "no"
        case .integer(let number)?: return String(number)
        case .number(let number)?: return number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case let other?: return String(decoding: other.jsonBytes(), as: UTF8.self)
        }
    }
}
