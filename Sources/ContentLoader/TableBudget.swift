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
        var body = body
        return body.withUTF8 { bytes in
            // Every byte this reads is ASCII, as are the marks CommonMark's block rules read, so the
            // lines are read as bytes: as `Character`s they took 18 % of loading's instructions.
            let lines = TextLines.lines(in: bytes).map { Line(bytes: bytes, range: $0) }
            return tables(in: lines).compactMap { table in
                problem(rows: table.rows, columns: table.columns, limits: limits).map {
                    .error(
                        SourceLocation(file: bodyLocation.file, line: bodyLocation.line + table.line, column: 1), $0)
                }
            }
        }
    }

    /// Each table's size, and the line of its delimiter row (from 0).
    private static func tables(in lines: [Line]) -> [(line: Int, rows: Int, columns: Int)] {
        var tables: [(line: Int, rows: Int, columns: Int)] = []
        var fence: Fence?
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if let open = fence, line.quoted.depth < open.quoteDepth {
                fence = nil  // the block quote holding the fence ended, and the fence with it
            }
            if let open = fence {
                if Fence(line).map(open.isClosed(by:)) == true { fence = nil }
            } else if let opening = Fence(line), opening.mayOpen {
                fence = opening
            } else if index > 0, !lines[index - 1].stripped.isEmpty, let columns = line.stripped.delimiterColumns {
                let delimiterRow = index
                while index + 1 < lines.count, !lines[index + 1].stripped.isEmpty,
                    Fence(lines[index + 1])?.mayOpen != true
                {
                    index += 1
                }
                tables.append((delimiterRow, index - delimiterRow + 1, columns))
            }
            index += 1
        }
        return tables
    }

    private static func problem(rows: Int, columns: Int, limits: PageLimits) -> String? {
        // Made only for a table over the budget: made for every table, it cost 19 M instructions at
        // 40 locales, half as much as finding the tables.
        var size: String { "this table has \(rows) rows × \(columns) columns" }
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

    /// A line's bytes.
    struct Line {
        var bytes: Slice<UnsafeBufferPointer<UInt8>>

        init(bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) { self.bytes = bytes[range] }
        init(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) { self.bytes = bytes }

        var isEmpty: Bool { bytes.isEmpty }
        var first: UInt8? { bytes.first }
        func contains(_ byte: UInt8) -> Bool { bytes.contains(byte) }
        func dropFirst(_ count: Int = 1) -> Line { Line(bytes.dropFirst(count)) }
        /// How many bytes at its start are `byte`.
        func run(of byte: UInt8) -> Int { bytes.prefix { $0 == byte }.count }

        /// The line without the indentation and `>` marks of lists and block quotes.
        var stripped: Line {
            var line = bytes.drop { $0 == .space || $0 == .tab || $0 == .quoteMark }
            while let last = line.last, last == .space || last == .tab { line = line.dropLast() }
            return Line(line)
        }

        /// The line split after the block quote marks that start it.
        var quoted: QuotedLine { QuotedLine(self) }

        /// The number of cells of a delimiter row (`| --- | :-: |`), nil for any other line (of a
        /// `stripped` line: blanks and `>` before it are not read).
        var delimiterColumns: Int? {
            // A row of `|`, `-`, `:` and blanks starts with one of the three (blanks are stripped):
            // a line of prose is turned away at its first byte, not read whole twice over.
            guard let first, first == .pipe || first == .hyphen || first == .colon,
                contains(.pipe), contains(.hyphen),
                bytes.allSatisfy({ $0 == .pipe || $0 == .hyphen || $0 == .colon || $0 == .space || $0 == .tab })
            else { return nil }
            var inner = bytes
            if inner.first == .pipe { inner = inner.dropFirst() }
            if inner.last == .pipe { inner = inner.dropLast() }
            return inner.count { $0 == .pipe } + 1
        }
    }

    /// A line split after the block quote marks (each with its optional space) that start it.
    struct QuotedLine {
        /// How many marks: how many block quotes hold the line.
        var depth = 0
        /// The line after them.
        var text: Line

        init(_ line: Line) {
            text = line
            while let mark = text.bytes.firstIndex(where: { $0 != .space }), text.bytes[mark] == .quoteMark,
                mark - text.bytes.startIndex <= 3
            {
                text = Line(text.bytes[(mark + 1)...])
                if text.first == .space { text = text.dropFirst() }
                depth += 1
            }
        }
    }

    /// A code fence line as CommonMark reads one (spec 4.5): at most three spaces of indentation
    /// (after any `>` of a block quote), then three or more backticks or tildes. Anything looser
    /// would let a line that is no fence (```` ```x``` ````, inline code) hide the table after it.
    struct Fence {
        var marker: UInt8
        var length: Int
        /// What follows the run: an info string, or nothing.
        var rest: Line
        /// How many block quotes hold it: a line with fewer `>` marks ends them, and the fence.
        var quoteDepth: Int

        init?(_ line: Line) {
            let quoted = line.quoted
            let indentation = quoted.text.run(of: .space)
            guard indentation <= 3 else { return nil }
            let text = quoted.text.dropFirst(indentation)
            guard let first = text.first, first == .backtick || first == .tilde else { return nil }
            let run = text.run(of: first)
            guard run >= 3 else { return nil }
            marker = first
            length = run
            rest = text.dropFirst(run)
            quoteDepth = quoted.depth
        }

        /// An opening fence of backticks may not have a backtick in its info string.
        var mayOpen: Bool { marker == .tilde || !rest.contains(.backtick) }

        /// Whether `line` closes this fence: the same marker, at least as long, nothing after it.
        func isClosed(by line: Fence) -> Bool {
            line.marker == marker && line.length >= length && line.rest.bytes.allSatisfy { $0 == .space || $0 == .tab }
        }
    }
}

extension UInt8 {
    fileprivate static let space = UInt8(ascii: " ")
    fileprivate static let tab = UInt8(ascii: "\t")
    fileprivate static let quoteMark = UInt8(ascii: ">")
    fileprivate static let pipe = UInt8(ascii: "|")
    fileprivate static let hyphen = UInt8(ascii: "-")
    fileprivate static let colon = UInt8(ascii: ":")
    fileprivate static let backtick = UInt8(ascii: "`")
    fileprivate static let tilde = UInt8(ascii: "~")
}
