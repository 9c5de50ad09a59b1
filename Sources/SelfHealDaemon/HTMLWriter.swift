/// Builds the status page's HTML; `raw` takes markup this module wrote, every other call escapes.
struct HTMLWriter {
    private(set) var html = ""

    mutating func raw(_ markup: String) { html += markup }

    mutating func section(_ title: String, id: String) {
        html += "<section id=\"\(HTMLText.escape(id))\"><h2>\(HTMLText.escape(title))</h2>"
    }

    mutating func end() { html += "</section>" }

    /// A table whose cells are outside text (redacted and escaped).
    mutating func table(_ columns: [String], rows: [[String]], rowClass: (Int) -> String? = { _ in nil }) {
        html += "<div class=\"scroll\"><table><thead><tr>"
        for column in columns { html += "<th>\(HTMLText.escape(column))</th>" }
        html += "</tr></thead><tbody>"
        for (index, row) in rows.enumerated() {
            html += rowClass(index).map { "<tr class=\"\(HTMLText.escape($0))\">" } ?? "<tr>"
            for cell in row { html += "<td>\(HTMLText.outside(cell))</td>" }
            html += "</tr>"
        }
        html += "</tbody></table></div>"
    }
}
