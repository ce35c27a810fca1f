public import SiteModel

/// GFM tables measured before cmark-gfm parses a page. cmark-gfm's table extension takes time
/// that grows with rows × columns², so a page well under the page-size limit can stall every
/// build: 5,000 columns × 950 rows took 70 s and 2.1 GB, one row of 10,000 columns 2 s. Each
/// table is counted from its delimiter row (`|---|---|`) and the rows that follow it up to a
/// blank line, outside fenced code; one over the site's budget is an error at that row.
public enum TableBudget {
    /// The tables of `body` (starting at `bodyLocation`) over `limits`.
    public static func problems(in body: String, at bodyLocation: SourceLocation, limits: PageLimits) -> [Diagnostic] {
        guard body.utf8.contains(UInt8(ascii: "|")) else { return [] }
        let lines = body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        var diagnostics: [Diagnostic] = []
        var fence: Character?
        var index = 0
        while index < lines.count {
            let line = stripped(lines[index])
            if let marker = fenceMarker(line) {
                fence = fence == nil ? marker : (fence == marker ? nil : fence)
            } else if fence == nil, index > 0, !stripped(lines[index - 1]).isEmpty,
                let columns = delimiterColumns(line)
            {
                var rows = 0
                while index + 1 < lines.count, !stripped(lines[index + 1]).isEmpty,
                    fenceMarker(stripped(lines[index + 1])) == nil
                {
                    rows += 1
                    index += 1
                }
                let location = SourceLocation(
                    file: bodyLocation.file, line: bodyLocation.line + index - rows, column: 1)
                if let problem = problem(rows: rows + 1, columns: columns, limits: limits) {
                    diagnostics.append(.error(location, problem))
                }
            }
            index += 1
        }
        return diagnostics
    }

    private static func problem(rows: Int, columns: Int, limits: PageLimits) -> String? {
        let size = "this table has \(rows) rows × \(columns) columns"
        if columns > limits.maxTableColumns {
            return "\(size); a table may have at most \(limits.maxTableColumns) columns, the column budget "
                + "('maxTableColumns' in site.yml raises it): split it into narrower tables"
        }
        if rows * columns > limits.maxTableCells {
            return "\(size), \(rows * columns) cells; a table may have at most \(limits.maxTableCells) cells, the "
                + "cell budget ('maxTableCells' in site.yml raises it): split it into smaller tables"
        }
        return nil
    }

    /// The line without the indentation and `>` marks of lists and block quotes.
    private static func stripped(_ line: Substring) -> Substring {
        var line = line.drop { $0 == " " || $0 == "\t" || $0 == ">" }
        while let last = line.last, last == " " || last == "\t" { line = line.dropLast() }
        return line
    }

    private static func fenceMarker(_ line: Substring) -> Character? {
        line.hasPrefix("```") ? "`" : line.hasPrefix("~~~") ? "~" : nil
    }

    /// The number of cells of a delimiter row (`| --- | :-: |`), nil for any other line.
    private static func delimiterColumns(_ line: Substring) -> Int? {
        guard line.contains("|"), line.contains("-"),
            line.allSatisfy({ $0 == "|" || $0 == "-" || $0 == ":" || $0 == " " || $0 == "\t" })
        else { return nil }
        var inner = line
        if inner.hasPrefix("|") { inner = inner.dropFirst() }
        if inner.hasSuffix("|") { inner = inner.dropLast() }
        return inner.split(separator: "|", omittingEmptySubsequences: false).count
    }
}
