extension ContentReport {
    /// Where report page `part` (from 1) is written: the first at `path`, the others under `page/`.
    public static func path(part: Int) -> String {
        part == 1 ? path : "content-report/page/\(part)/index.html"
    }

    /// How many rows a report page holds for `ids` page ids in `locales` locales.
    /// An estimate from the counts alone, generous for long URLs and review dates,
    /// never from the rows themselves: an edit must not move rows between files.
    static func rowsPerPart(ids: Int, locales: Int, partBytes: Int) -> Int {
        let rowBytes = 160 + 240 * locales
        let fixedBytes = 2_048 + 200 * locales
        let rows = max(1, (partBytes - fixedBytes) / rowBytes)
        let parts = (ids + rows - 1) / rows
        guard parts > 1 else { return rows }
        return max(1, (partBytes - fixedBytes - ReportPart.navigationBytes(parts: parts + 1)) / rowBytes)
    }
}

/// One page of the content report among `count`, and its links to the others.
struct ReportPart {
    let number: Int
    let count: Int

    var title: String { count == 1 ? "Content report" : "Content report · page \(number) of \(count)" }

    /// A relative link to a file beside the first report page, which works at either depth.
    func link(toFile name: String) -> String { number == 1 ? name : "../../\(name)" }

    /// A relative link to report page `other`.
    func link(toPart other: Int) -> String {
        switch (number, other) {
        case _ where other == number: "./"
        case (1, _): "page/\(other)/"
        case (_, 1): "../../"
        default: "../\(other)/"
        }
    }

    /// Previous, numbered and next links to the other report pages; none when there is one.
    var navigation: String {
        guard count > 1 else { return "" }
        var items: [String] = []
        if number > 1 { items.append("<li><a href=\"\(link(toPart: number - 1))\" rel=\"prev\">Previous</a></li>") }
        for other in 1...count {
            let current = other == number ? " aria-current=\"page\"" : ""
            items.append("<li><a href=\"\(link(toPart: other))\"\(current)>\(other)</a></li>")
        }
        if number < count { items.append("<li><a href=\"\(link(toPart: number + 1))\" rel=\"next\">Next</a></li>") }
        return "<nav aria-label=\"Report pages\">\n<ul class=\"pages\">\n" + items.joined(separator: "\n")
            + "\n</ul>\n</nav>\n"
    }

    /// An upper bound of `navigation`'s bytes for a report of `parts` pages.
    static func navigationBytes(parts: Int) -> Int { 160 + 56 * parts }
}
