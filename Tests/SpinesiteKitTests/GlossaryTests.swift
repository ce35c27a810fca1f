import Foundation
import SiteModel
import SpinesiteKit
import TestSupport
import XCTest

final class GlossaryTests: XCTestCase {
    private func site() -> TemporaryFolder {
        let site = MinimalSite.make([
            "tens.md": MinimalSite.page(title: "TENS", body: "## What TENS is\n\nTENS uses pads. TENS again.")
        ])
        site.copy(from: Repository.templates, to: "Templates")
        site.write(
            "Content/en/glossary.yml",
            """
            terms:
              - id: tens
                term: "TENS"
                matches: ["TENS"]
                definition: "Pulses through skin pads \\"gently\\" <b>."
              - id: pulse-width
                term: "Pulse width"
                definition: "How long a pulse lasts."
            """)
        return site
    }

    func testGlossaryPageAndFirstUseLink() throws {
        let site = site()
        _ = try SiteBuilder.build(BuildOptions(root: site.path, output: site.path + "/Site"))
        let glossary = try XCTUnwrap(site.read("Site/en/glossary/index.html"))
        XCTAssertTrue(glossary.contains("<h2 id=\"tens\">TENS</h2>"))
        XCTAssertTrue(glossary.contains("<h2 id=\"pulse-width\">Pulse width</h2>"))
        XCTAssertFalse(glossary.contains("class=\"term\""), "the glossary does not link to itself")
        let page = try XCTUnwrap(site.read("Site/en/tens/index.html"))
        XCTAssertTrue(
            page.contains(
                "<p><a class=\"term\" href=\"/en/glossary/#tens\" title=\"Pulses through skin pads "
                    + "&quot;gently&quot; &lt;b&gt;.\">TENS</a> uses pads. TENS again.</p>"
            ))
        XCTAssertTrue(page.contains("<h2 id=\"what-tens-is\">What TENS is</h2>"), "never in headings")
    }

    /// 1,200 terms of eleven values each (keys counted), written out without an alias: past the alias budget's
    /// minimum of 10,000 values, and built.
    func testALongGlossaryWithoutAliasesBuilds() throws {
        let site = site()
        let terms = (0..<1200).map { number in
            "  - id: term-\(number)\n    term: \"Term \(number)\"\n    matches: [\"Term \(number)\", \"T\(number)\"]\n"
                + "    definition: \"What term \(number) means.\"\n"
        }
        site.write("Content/en/glossary.yml", "terms:\n" + terms.joined())
        _ = try SiteBuilder.build(BuildOptions(root: site.path, output: site.path + "/Site"))
        let glossary = try XCTUnwrap(site.read("Site/en/glossary/index.html"))
        XCTAssertTrue(glossary.contains("<h2 id=\"term-1199\">Term 1199</h2>"))
    }

    func testBadGlossaryNamesItsLine() {
        let site = site()
        site.write(
            "Content/en/glossary.yml",
            "terms:\n  - id: tens\n    term: \"TENS\"\n  - id: tens\n    term: \"Again\"\n    definition: \"x\"\n")
        XCTAssertThrowsError(try SiteBuilder.build(BuildOptions(root: site.path, output: site.path + "/Site"))) {
            error in
            XCTAssertEqual(
                (error as! BuildFailure).errors.map {
                    $0.description.replacingOccurrences(of: site.path + "/", with: "")
                },
                [
                    "Content/en/glossary.yml:2:5: error: glossary.yml: 'definition' is missing",
                    "Content/en/glossary.yml:4:9: error: glossary.yml: term id 'tens' must be unique and use only "
                        + "letters, digits and '-'",
                ])
        }
    }

    func testSearchIndexHoldsPagesHeadingsAndTerms() throws {
        let site = site()
        _ = try SiteBuilder.build(BuildOptions(root: site.path, output: site.path + "/Site"))
        let page = try XCTUnwrap(site.read("Site/en/search/index.html"))
        let meta = try XCTUnwrap(
            page.firstMatch(of: /data-search-index="\/(assets\/search\/en\/meta\.[0-9a-f]{8}\.json)"/))
        let index = try SearchIndexReader(metaPath: String(meta.1)) {
            FileManager.default.contents(atPath: site.path + "/Site/" + $0)
        }
        // "What TENS is", a heading of the TENS page; "lasts", in the definition of "pulse width".
        XCTAssertEqual(try index.urls("what").first, "/en/tens/")
        XCTAssertTrue(try index.urls("last").contains("/en/glossary/#pulse-width"))
        let term = try XCTUnwrap(try index.postings("last").keys.first)
        XCTAssertEqual(try index.fragment(term)["x"], "How long a pulse lasts.")
    }
}
