import SiteModel
import SiteResolver

/// A listing page's list cut into pages of `listPageSize`, so that no page grows with its
/// section: page 1 at the page's own URL, page k at `<url>page/k/`. A section lists its
/// children; the home page its top-level topics (its sections have lists of their own).
struct ListPages: Sendable {
    /// The pages listed, in order.
    let items: [Int]
    let pageSize: Int

    /// The list of listing page `index` of `graph`.
    init(_ index: Int, in graph: SiteGraph) {
        // Read in place: a page bound to a local copied the whole node, and every page of a list
        // after the first asks this of each of its translations (at 40 locales, a third of the
        // time those pages' language switchers took).
        items = graph.pages.withUnsafeBufferPointer { pages in
            pages[index].source.kind == .home
                ? pages[index].children.filter { !pages[$0].isListing } : pages[index].children
        }
        pageSize = graph.config.listPageSize
    }

    /// How many pages the list takes: at least one, even when it is empty.
    var count: Int { max(1, (items.count + pageSize - 1) / pageSize) }

    /// The items page `number` (from 1) shows.
    func items(onPage number: Int) -> ArraySlice<Int> {
        let start = min(items.count, (number - 1) * pageSize)
        return items[start..<min(items.count, start + pageSize)]
    }

    /// Page `number`'s URL, from the list's URL (`/en/therapies/` → `/en/therapies/page/2/`).
    static func url(_ url: String, page number: Int) -> String {
        number == 1 ? url : url + "page/\(number)/"
    }

    /// Page `number`'s file, from the list's (`en/therapies/index.html` →
    /// `en/therapies/page/2/index.html`).
    static func outputPath(_ outputPath: String, page number: Int) -> String {
        guard number > 1 else { return outputPath }
        let folder = outputPath.hasSuffix("index.html") ? outputPath.dropLast("index.html".count) : Substring("")
        return folder + "page/\(number)/index.html"
    }

    /// The page numbers a pagination shows around page `current` of `count`: the first, the last,
    /// and two on each side of the current one; nil where numbers are left out. The links stay
    /// few however long the list.
    static func window(current: Int, count: Int) -> [Int?] {
        var shown: [Int?] = []
        for number in 1...count where number == 1 || number == count || abs(number - current) <= 2 {
            if let last = shown.last ?? nil, number > last + 1 {
                // One page left out is shown as its number: a gap would take as much room.
                shown.append(number == last + 2 ? last + 1 : nil)
            }
            shown.append(number)
        }
        return shown
    }
}
