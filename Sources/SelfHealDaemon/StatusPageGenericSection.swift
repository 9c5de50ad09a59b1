import Foundation

/// Shows a part of the snapshot's JSON that has no section of its own: a list of objects as a
/// table (the union of their scalar fields as columns), an object as field/value rows, a scalar as
/// a line. Bounded, so a large part cannot make the page huge.
enum GenericSection {
    static let maxRows = 50
    static let maxColumns = 10

    static func render(_ page: inout HTMLWriter, title: String, value: Any) {
        page.section(title, id: "part-" + title.lowercased().filter { $0.isLetter || $0.isNumber })
        switch value {
        case let list as [Any]:
            let objects = list.compactMap { $0 as? [String: Any] }
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
        case let object as [String: Any]:
            page.table(["field", "value"], rows: object.keys.sorted().prefix(maxRows).map { [$0, text(object[$0])] })
        default:
            page.raw("<p>\(HTMLText.outside(text(value)))</p>")
        }
        page.end()
    }

    /// A JSON value as one line of text (nested parts as compact JSON).
    static func text(_ value: Any?) -> String {
        switch value {
        case nil, is NSNull: return ""
        case let string as String: return string
        case let number as NSNumber:
            // JSON booleans arrive as NSNumbers of type char.
            return String(cString: number.objCType) == "c" ? (number.boolValue ? "yes" : "no") : number.stringValue
        case let other?:
            guard JSONSerialization.isValidJSONObject(other),
                  let data = try? JSONSerialization.data(withJSONObject: other, options: [.sortedKeys]) else {
                return "\(other)"
            }
            return String(decoding: data, as: UTF8.self)
        }
    }
}
