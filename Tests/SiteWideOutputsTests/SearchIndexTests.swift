import CommonMark
import Foundation
import SiteModel
import SiteResolver
import SiteWideOutputs
import TestSupport
import XCTest

final class SearchIndexTests: XCTestCase {
    private func graph() throws -> SiteGraph {
        try InMemorySite.graph([
            InMemorySite.page("_index.md", title: "Home"),
            InMemorySite.page("tens.md", title: "TENS"),
            InMemorySite.page("pads.md", title: "Pads for pain"),
            InMemorySite.page("travel.md", title: "Travel"),
            InMemorySite.page("_index.md", locale: "es", title: "Inicio"),
            InMemorySite.page("tens.md", locale: "es", title: "TENS es"),
        ])
    }

    private static let bodies = [
        "/en/tens/": "Ask before using it with a pacemaker, in pregnancy or with epilepsy. Pain eases.",
        "/en/pads/": "Place the pads on clean skin.",
        "/en/travel/": "Taking a unit on a flight to Spain.",
        "/es/tens/": "Consulte antes si lleva un marcapasos o durante el embarazo. Estimulación eléctrica.",
    ]

    private func indexes(_ graph: SiteGraph) -> SearchIndexes {
        SearchIndexes(graph, headings: graph.pages.map { _ in [] }) {
            Array((Self.bodies[graph.pages[$0].url] ?? "").utf8)
        }
    }

    private func reader(_ indexes: SearchIndexes, _ locale: String) throws -> SearchIndexReader {
        let index = try XCTUnwrap(indexes.locales.first { $0.locale == locale })
        return try SearchIndexReader(metaPath: index.metaPath) { index.files[$0] }
    }

    func testWordsOfTheBodyAreFoundStemmed() throws {
        let english = try reader(indexes(try graph()), "en")
        for term in ["pacemak", "pregnanc", "epilepsi", "skin"] {
            XCTAssertEqual(try english.urls(term).first, term == "skin" ? "/en/pads/" : "/en/tens/", term)
        }
        let spanish = try reader(indexes(try graph()), "es")
        XCTAssertEqual(try spanish.urls("marcapas"), ["/es/tens/"])
        XCTAssertEqual(try spanish.urls("embaraz"), ["/es/tens/"])
        XCTAssertEqual(try spanish.urls("estimul"), ["/es/tens/"], "as written")
        XCTAssertEqual(try spanish.urls("estimulacion"), ["/es/tens/"], "as typed without accents")
    }

    func testAWordIsNotFoundInsideAnother() throws {
        let english = try reader(indexes(try graph()), "en")
        XCTAssertEqual(Set(try english.urls("pain")), ["/en/tens/", "/en/pads/"])
        XCTAssertEqual(try english.urls("spain"), ["/en/travel/"])
        XCTAssertEqual(try english.urls("ain"), [])
    }

    func testATitleMatchRanksAboveABodyMatch() throws {
        let english = try reader(indexes(try graph()), "en")
        XCTAssertEqual(try english.urls("pain"), ["/en/pads/", "/en/tens/"])
    }

    func testAFragmentHoldsWhatAResultShows() throws {
        let english = try reader(indexes(try graph()), "en")
        let document = try XCTUnwrap(try english.postings("pacemak").keys.first)
        let fragment = try english.fragment(document)
        XCTAssertEqual(fragment["u"], "/en/tens/")
        XCTAssertEqual(fragment["t"], "TENS")
        XCTAssertEqual(fragment["x"], "About tens.md.\n" + Self.bodies["/en/tens/"]!)
    }

    func testTermsAreSplitIntoChunksByRange() throws {
        let words = (0..<3000).map { "word\($0)x" }.joined(separator: " ")
        let graph = try graph()
        let indexes = SearchIndexes(graph, headings: graph.pages.map { _ in [] }) {
            Array((graph.pages[$0].url == "/en/tens/" ? words : "").utf8)
        }
        let english = try reader(indexes, "en")
        let chunks = try XCTUnwrap(indexes.locales.first).files.keys.filter { $0.contains("/c.") }
        XCTAssertGreaterThan(chunks.count, 10)
        for number in [0, 17, 1234, 2999] {
            XCTAssertEqual(try english.urls("word\(number)x"), ["/en/tens/"], "word\(number)x")
        }
    }

    func testReplacingABodyRewritesOnlyWhatChanged() throws {
        var graph = try graph()
        var indexes = indexes(graph)
        let before = try XCTUnwrap(indexes.locales.first).files
        let pads = graph.pages.firstIndex { $0.url == "/en/pads/" }!
        graph.pages[pads].source.body = "changed"
        let edit = indexes.replace(
            pages: [pads], in: graph, headings: { _ in [] },
            bodyText: { _ in Array("Place the pads on clean, dry skin.".utf8) })
        let after = try XCTUnwrap(indexes.locales.first).files
        XCTAssertEqual(Set(edit.written.map(\.path)), Set(after.keys).subtracting(before.keys))
        XCTAssertEqual(edit.added, Set(after.keys).subtracting(before.keys))
        XCTAssertEqual(edit.removed, Set(before.keys).subtracting(after.keys))
        XCTAssertFalse(edit.removed.isEmpty, "the old meta file, fragment and chunks")
        XCTAssertTrue(edit.written.contains { $0.path.contains("/meta.") })
        XCTAssertEqual(try reader(indexes, "en").urls("dri"), ["/en/pads/"])
        XCTAssertEqual(try reader(indexes, "es").urls("marcapas"), ["/es/tens/"], "another locale untouched")
        let edited = graph
        let clean = SearchIndexes(edited, headings: edited.pages.map { _ in [] }) {
            Array(($0 == pads ? "Place the pads on clean, dry skin." : Self.bodies[edited.pages[$0].url] ?? "").utf8)
        }
        XCTAssertEqual(after, try XCTUnwrap(clean.locales.first).files, "the index a clean build makes")
    }

    /// Runs of text are scanned eight bytes at a time: white space and references are found
    /// wherever they fall in a word, and white space still collapses to one space.
    func testHTMLTextCollapsesWhiteSpaceAtEveryPlaceInARun() {
        let letters = "abcdefghijklmnopqrstuvwxyz"
        for inserted in [" ", "  ", " \t ", "\n", "\r\n ", "&amp;", " &amp; ", "\u{1}"] {
            for place in 0..<20 {
                let html = " " + letters.prefix(place) + inserted + letters.dropFirst(place) + " end "
                let expected = html.replacingOccurrences(of: "&amp;", with: "&")
                    .split(whereSeparator: \.isWhitespace).joined(separator: " ")
                XCTAssertEqual(HTMLText.plain(html), expected, "\(inserted.debugDescription) at \(place)")
            }
        }
    }

    func testHTMLTextIsWhatAReaderReads() {
        let html = """
            <h2 id="a">Risks &amp; side effects</h2>\
            <p>Not with a <a href="#">pacemaker</a>.<sup class="cite">[1]</sup></p>\
            <table><tr><td>10&nbsp;Hz</td><td>mild</td></tr></table><svg><text>hidden</text></svg>\
            <figure><img alt=""><figcaption>Pads &#8212; placed</figcaption></figure>
            """
        XCTAssertEqual(HTMLText.plain(html), "Risks & side effects\nNot with a pacemaker.\n10 Hz\nmild\nPads — placed")
    }
}
