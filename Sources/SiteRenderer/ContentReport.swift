import CommonMark
import Readability
import SiteModel
import SiteResolver

/// The content team's report (`Site/content-report/`): every page × locale
/// with its translation status, words, reading level and review state, and
/// translation coverage per locale. Not linked, not in the sitemap, `noindex`.
/// An internal tool, so its labels are English and live here, not in templates.
enum ContentReport {
    static let path = "content-report/index.html"

    static func html(_ graph: SiteGraph, readingLevels: [ReadingLevelCheck.ProseStats?], today: CalendarDate?) -> String {
        let locales = graph.locales.map(\.tag)
        let ids = Set(graph.pages.filter { !$0.isGenerated && !$0.source.isSynthesized }.map(\.id)).sorted()
        var rows = ""
        var coverage: [String: Int] = [:]
        for id in ids {
            rows += "<tr><th scope=\"row\"><code>\(HTMLEscape.text(id))</code></th>"
            for tag in locales {
                guard let index = graph.pagesByID[tag]?[id] else {
                    rows += "<td class=\"state-missing\">missing</td>"
                    continue
                }
                let page = graph.pages[index]
                if !page.isFallback { coverage[tag, default: 0] += 1 }
                rows += "<td class=\"state-\(page.translationStatus.rawValue)\">\(cell(index, graph: graph, readingLevels: readingLevels, today: today))</td>"
            }
            rows += "</tr>\n"
        }
        return page(locales: locales, rows: rows, coverage: coverage, total: ids.count)
    }

    private static func cell(_ index: Int, graph: SiteGraph, readingLevels: [ReadingLevelCheck.ProseStats?], today: CalendarDate?) -> String {
        let page = graph.pages[index]
        var parts = ["<a href=\"\(HTMLEscape.text(page.url))\">\(page.translationStatus.rawValue)</a>"]
        guard !page.isFallback else { return parts.joined() }
        parts.append("\(readingLevels[index]?.words ?? 0) words")
        parts.append(readingLevels[index]?.level?.description ?? "not scored")
        if page.source.kind == .topic {
            if let review = ReviewSchedule.entry(for: index, in: graph) {
                let overdue = today.map { review.nextReview < $0 } ?? false
                parts.append("\(overdue ? "review overdue since" : "review due") \(review.nextReview)")
            } else {
                parts.append("not reviewed")
            }
        }
        return parts.joined(separator: "<br>")
    }

    private static func page(locales: [String], rows: String, coverage: [String: Int], total: Int) -> String {
        var bars = ""
        for tag in locales {
            let count = coverage[tag] ?? 0
            let percent = total == 0 ? 0 : count * 100 / total
            bars += "<li><span class=\"label\">\(tag)</span><span class=\"bar\" style=\"width: \(percent * 2)px\"></span> \(count) of \(total) (\(percent)%)</li>\n"
        }
        let header = locales.map { "<th scope=\"col\">\($0)</th>" }.joined()
        return """
        <!DOCTYPE html>
        <html lang="en" dir="ltr">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>Content report</title>
        <style>
        body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1d2733; }
        table { border-collapse: collapse; } th, td { border: 1px solid #d5dee6; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; font-size: 0.9rem; }
        .state-original, .state-current { background: #e8f5e9; } .state-stale, .state-unstamped { background: #fff3cd; }
        .state-fallback { background: #f1f3f5; } .state-missing { background: #fde2e1; }
        .coverage { list-style: none; padding: 0; } .coverage li { margin: 0.25rem 0; }
        .coverage .label { display: inline-block; width: 4rem; } .coverage .bar { display: inline-block; height: 0.8rem; background: #0b5f7a; }
        </style>
        </head>
        <body>
        <main>
        <h1>Content report</h1>
        <p>For the content team: every page in every locale. Not linked from the site and not indexed.</p>
        <h2>Translation coverage</h2>
        <ul class="coverage">
        \(bars)</ul>
        <h2>Pages</h2>
        <table>
        <thead><tr><th scope="col">page</th>\(header)</tr></thead>
        <tbody>
        \(rows)</tbody>
        </table>
        </main>
        </body>
        </html>

        """
    }
}
