import CommonMark
public import Readability
public import SiteModel
public import SiteResolver
import SiteSupport

/// The content team's report (`Site/content-report/`): every page × locale
/// with its translation status, words, reading level and review state, and
/// translation coverage per locale. Not linked, not in the sitemap, `noindex`.
/// An internal tool, so its labels are English and live here, not in templates.
public enum ContentReport {
    public static let path = "content-report/index.html"
    /// About how many bytes one report page may hold: a long table is split
    /// across numbered pages so that none of them is slow to load.
    public static let partBytes = 150_000
    /// Its style sheet, beside it: the site's Content-Security-Policy allows no `<style>` element
    /// and no `style` attribute.
    public static let stylePath = "content-report/report.css"

    public static let style = """
        body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1d2733; }
        table { border-collapse: collapse; }
        th, td { border: 1px solid #d5dee6; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; \
        font-size: 0.9rem; }
        .state-original, .state-current { background: #e8f5e9; }
        .state-stale, .state-unstamped { background: #fff3cd; }
        .state-fallback { background: #f1f3f5; } .state-missing { background: #fde2e1; }
        .coverage { list-style: none; padding: 0; } .coverage li { margin: 0.25rem 0; }
        .coverage .label { display: inline-block; width: 4rem; }
        .coverage meter { width: 200px; }

        """

    /// The report's rows, one per page id, kept by the preview so that an
    /// edit re-makes only the rows of the pages it touched.
    public struct Table: Sendable {
        private let locales: [String]
        private let ids: [String]
        private var rows: [String]
        private let coverage: [String: Int]
        /// locale → how many of the default locale's glossary terms its glossary lacks.
        private let missingTerms: [String: Int]
        private let today: CalendarDate?
        /// Rows per report page, from the numbers of ids and locales alone, so
        /// that an edit, which re-makes rows, never changes the set of files.
        private let rowsPerPart: Int

        /// - Parameter partBytes: about how many bytes each report page may hold.
        public init(
            _ graph: SiteGraph, readingLevels: [ProseStats?], today: CalendarDate?,
            partBytes: Int = ContentReport.partBytes
        ) {
            locales = graph.locales.map(\.tag)
            // Pages read in place: `graph.pages[$0].source.isSynthesized` copied each page to ask it.
            ids = graph.pages.withUnsafeBufferPointer { pages in
                Set(
                    pages.indices.filter { !pages[$0].isGenerated && !pages[$0].source.isSynthesized }.map {
                        pages[$0].id
                    }
                )
                .sorted()
            }
            self.today = today
            var coverage: [String: Int] = [:]
            for tag in locales {
                coverage[tag] =
                    ids.filter { id in graph.pagesByID[tag]?[id].map { !graph.pages[$0].isFallback } ?? false }.count
            }
            self.coverage = coverage
            missingTerms = graph.missingGlossaryTerms.mapValues(\.count)
            rowsPerPart = ContentReport.rowsPerPart(ids: ids.count, locales: locales.count, partBytes: partBytes)
            rows = []
            // A row per id, each with a cell per locale: on every core (40,000 cells at 40 locales).
            let table = self
            rows = ParallelMap.map(ids) { table.row($0, graph: graph, readingLevels: readingLevels) }
        }

        /// Makes the rows of `pages`' ids again (their statuses, words and levels may have changed).
        /// - Returns: the numbers of the report pages holding those rows, in order.
        @discardableResult
        public mutating func update(pages: [Int], graph: SiteGraph, readingLevels: [ProseStats?]) -> [Int] {
            var parts: Set<Int> = []
            for id in Set(pages.map { graph.pages[$0].id }) {
                let position = ids.insertionPoint(of: id)
                guard position < ids.count, ids[position] == id else { continue }
                rows[position] = row(id, graph: graph, readingLevels: readingLevels)
                parts.insert(position / rowsPerPart + 1)
            }
            return parts.sorted()
        }

        /// How many report pages the table takes: at least one, even with no rows.
        public var partCount: Int { max(1, (ids.count + rowsPerPart - 1) / rowsPerPart) }

        /// Every report page, the first at `ContentReport.path`.
        public var files: [OutputFile] { (1...partCount).map(file(part:)) }

        /// Report page `part` (from 1): the coverage on the first, its share of the rows on each.
        public func file(part: Int) -> OutputFile {
            let start = (part - 1) * rowsPerPart
            let shown = rows[min(start, rows.count)..<min(start + rowsPerPart, rows.count)]
            let html = ContentReport.page(
                locales: locales, rows: shown.joined(), coverage: coverage, missingTerms: missingTerms,
                total: ids.count, part: ReportPart(number: part, count: partCount))
            return OutputFile(path: ContentReport.path(part: part), text: html)
        }

        private func row(_ id: String, graph: SiteGraph, readingLevels: [ProseStats?]) -> String {
            // Bytes appended into storage reserved once, made a string at the end: appended to a
            // `String` (or made a string per cell), each piece cost several hundred instructions.
            var row: [UInt8] = []
            row.reserveCapacity(64 + locales.count * 160)
            row.append("<tr><th scope=\"row\"><code>")
            HTMLEscape.append(id, to: &row)
            row.append("</code></th>")
            for tag in locales {
                guard let index = graph.pagesByID[tag]?[id] else {
                    row.append("<td class=\"state-missing\">missing</td>")
                    continue
                }
                row.append("<td class=\"state-")
                row.append(utf8Of: graph.pages[index].translationStatus.rawValue)
                row.append("\">")
                ContentReport.appendCell(index, to: &row, graph: graph, readingLevels: readingLevels, today: today)
                row.append("</td>")
            }
            row.append("</tr>\n")
            return String(decoding: row, as: UTF8.self)
        }
    }

    /// Page `index`'s cell: its status, linked, then its words, level and review, a line each.
    private static func appendCell(
        _ index: Int, to cell: inout [UInt8], graph: SiteGraph, readingLevels: [ProseStats?], today: CalendarDate?
    ) {
        // Fields read one by one: a copy of the node would retain each of its strings.
        cell.append("<a href=\"")
        HTMLEscape.append(graph.pages[index].url, to: &cell)
        cell.append("\">")
        cell.append(utf8Of: graph.pages[index].translationStatus.rawValue)
        cell.append("</a>")
        guard !graph.pages[index].isFallback else { return }
        cell.append("<br>")
        cell.append(utf8Of: String(readingLevels[index]?.words ?? 0))
        cell.append(" words<br>")
        cell.append(utf8Of: readingLevels[index]?.level?.description ?? "not scored")
        if graph.pages[index].source.kind == .topic {
            cell.append("<br>")
            if let review = ReviewSchedule.entry(for: index, in: graph) {
                let overdue = today.map { review.nextReview < $0 } ?? false
                cell.append(utf8Of: "\(overdue ? "review overdue since" : "review due") \(review.nextReview)")
            } else {
                cell.append("not reviewed")
            }
        }
    }

    private static func page(
        locales: [String], rows: String, coverage: [String: Int], missingTerms: [String: Int], total: Int,
        part: ReportPart
    ) -> String {
        let header = locales.map { "<th scope=\"col\">\($0)</th>" }.joined()
        let introduction =
            part.number == 1
            ? """
            <p>For the content team: every page in every locale. Not linked from the site and not indexed.</p>
            <h2>Translation coverage</h2>
            <ul class="coverage">
            \(coverageList(locales: locales, coverage: coverage, missingTerms: missingTerms, total: total))</ul>

            """ : ""
        return """
            <!DOCTYPE html>
            <html lang="en" dir="ltr">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>\(part.title)</title>
            <link rel="stylesheet" href="\(part.link(toFile: "report.css"))">
            </head>
            <body>
            <main>
            <h1>Content report</h1>
            \(introduction)<h2>Pages</h2>
            \(part.navigation)<table>
            <thead><tr><th scope="col">page</th>\(header)</tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>
            </main>
            </body>
            </html>

            """
    }

    private static func coverageList(
        locales: [String], coverage: [String: Int], missingTerms: [String: Int], total: Int
    ) -> String {
        var bars = ""
        for tag in locales {
            let count = coverage[tag] ?? 0
            let percent = total == 0 ? 0 : count * 100 / total
            bars +=
                "<li><span class=\"label\">\(tag)</span><meter min=\"0\" max=\"\(max(total, 1))\" "
                + "value=\"\(count)\" aria-label=\"\(tag)\">\(percent)%</meter> "
                + "\(count) of \(total) (\(percent)%)"
                + (missingTerms[tag].map { "; glossary lacks \($0) term\($0 == 1 ? "" : "s")" } ?? "") + "</li>\n"
        }
        return bars
    }
}
