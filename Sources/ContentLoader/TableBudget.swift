public import SiteModel
import SiteSupport

/// GFM tables measured before cmark-gfm parses a page. cmark-gfm's table extension takes time
/// that grows with rows × columns², so a page well under the page-size limit can stall every
/// build: 5,000 columns × 950 rows took 70 s and 2.1 GB, one row of 10,000 columns 2 s. Each
/// table is counted from its delimiter row (`|---|---|`) and the rows that follow it up to a
/// blank line, outside fenced code; one over the site's budget is an error at that row.
public enum TableBudget {
    /// The tables of `body` (starting at `bodyLocation`) over `limits`.
    public static func problems(in body: String, at bodyLocation: SourceLocation, limits: PageLimits) -> [Diagnostic] {
        guard ByteSearch.contains("|", in: body) else { return [] }
        let lines = TextLines.lines(of: body)
        var diagnostics: [Diagnostic] = []
        var fence: Fence?
        var index = 0
        while index < lines.count {
            let line = stripped(lines[index])
            if let open = fence, Fence.QuotedLine(lines[index]).depth < open.quoteDepth {
                fence = nil  // the block quote holding the fence ended, and the fence with it
            }
            if let open = fence {
                if Fence(lines[index]).map(open.isClosed(by:)) == true { fence = nil }
            } else if let opening = Fence(lines[index]), opening.mayOpen {
                fence = opening
            } else if index > 0, !stripped(lines[index - 1]).isEmpty,
                let columns = delimiterColumns(line)
            {
                var rows = 0
                while index + 1 < lines.count, !stripped(lines[index + 1]).isEmpty,
                    Fence(lines[index + 1])?.mayOpen != true
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

    /// A code fence line as CommonMark reads one (spec 4.5): at most three spaces of indentation
    /// (after any `>` of a block quote), then three or more backticks or tildes. Anything looser
    /// would let a line that is no fence (```` ```x``` ````, inline code) hide the table after it.
    struct Fence {
        var marker: Character
        var length: Int
        /// What follows the run: an info string, or nothing.
        var rest: Substring
        /// How many block quotes hold it: a line with fewer `>` marks ends them, and the fence.
        var quoteDepth: Int

        init?(_ line: Substring) {
            let quoted = QuotedLine(line)
            var text = quoted.text
            let indentation = text.prefix { $0 == " " }.count
            guard indentation <= 3 else { return nil }
            text = text.dropFirst(indentation)
            guard let first = text.first, first == "`" || first == "~" else { return nil }
            let run = text.prefix { $0 == first }.count
            guard run >= 3 else { return nil }
            marker = first
            length = run
            rest = text.dropFirst(run)
            quoteDepth = quoted.depth
        }

        /// A line split after the block quote marks (each with its optional space) that start it.
        struct QuotedLine {
            /// How many marks: how many block quotes hold the line.
            var depth = 0
            /// The line after them.
            var text: Substring

            init(_ line: Substring) {
                text = line
                while let mark = text.firstIndex(where: { $0 != " " }), text[mark] == ">",
                    text.distance(from: text.startIndex, to: mark) <= 3
                {
                    text = text[text.index(after: mark)...]
                    if text.first == " " { text = text.dropFirst() }
                    depth += 1
                }
            }
        }

        /// An opening fence of backticks may not have a backtick in its info string.
        var mayOpen: Bool { marker == "~" || !rest.contains("`") }

        /// Whether `line` closes this fence: the same marker, at least as long, nothing after it.
        func isClosed(by line: Fence) -> Bool {
            line.marker == marker && line.length >= length && line.rest.allSatisfy { $0 == " " || $0 == "\t" }
        }
    }

    /// The number of cells of a delimiter row (`| --- | :-: |`), nil for any other line.
    private static func delimiterColumns(_ line: Substring) -> Int? {
        // Most lines hold no `|` byte, and so no `|` character: the bytes are looked at first.
        guard line.utf8.contains(UInt8(ascii: "|")), line.contains("|"), line.contains("-"),
            line.allSatisfy({ $0 == "|" || $0 == "-" || $0 == ":" || $0 == " " || $0 == "\t" })
        else { return nil }
        var inner = line
        if inner.hasPrefix("|") { inner = inner.dropFirst() }
        if inner.hasSuffix("|") { inner = inner.dropLast() }
        return inner.split(separator: "|", omittingEmptySubsequences: false).count
    }
}
