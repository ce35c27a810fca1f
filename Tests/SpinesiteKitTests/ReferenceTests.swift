import Foundation
import SiteModel
import SpinesiteKit
import TestSupport
import XCTest

/// Front-matter references, cited with [@key], rendered as a numbered list.
final class ReferenceTests: XCTestCase {
    private let references = """
        references:
          sluka2003: { title: "TENS: basic science mechanisms", authors: "Sluka KA, Walsh D", journal: "J Pain", \
        year: 2003, pmid: "14622708", doi: "10.1054/jpai.2003.434" }
          nice2016: { title: "Low back pain and sciatica in over 16s", authors: "NICE", \
        url: "https://www.nice.org.uk/guidance/ng59" }

        """

    private func site(body: String, refs: String? = nil) -> TemporaryFolder {
        let site = MinimalSite.make(["tens.md": MinimalSite.page(title: "TENS", extra: refs ?? references, body: body)]
        )
        site.copy(from: Repository.templates, to: "Templates")
        return site
    }

    private func errors(_ site: TemporaryFolder) -> [String] {
        do {
            _ = try SiteBuilder.build(BuildOptions(root: site.path, output: site.path + "/Site"))
            return []
        } catch {
            return error.errors.map { $0.description.replacingOccurrences(of: site.path + "/", with: "") }
        }
    }

    func testCitationsNumberInOrderOfFirstUseAndLinkToTheList() throws {
        let site = site(
            body:
                "NICE advises against it [@nice2016]. Reviews disagree [@sluka2003; @nice2016]. In code: "
                + "`[@sluka2003]`."
        )
        XCTAssertEqual(errors(site), [])
        let html = try XCTUnwrap(site.read("Site/en/tens/index.html"))
        XCTAssertTrue(html.contains("advises against it <sup class=\"cite\">[<a href=\"#ref-nice2016\">1</a>]</sup>."))
        XCTAssertTrue(
            html.contains(
                "disagree <sup class=\"cite\">[<a href=\"#ref-sluka2003\">2</a>, <a "
                    + "href=\"#ref-nice2016\">1</a>]</sup>."
            ))
        XCTAssertTrue(html.contains("<code>[@sluka2003]</code>"), "code is left alone")
        XCTAssertTrue(
            html.contains(
                "<h2 id=\"references\">References</h2>\n<ol>\n<li id=\"ref-nice2016\">NICE. Low back pain and "
                    + "sciatica in over 16s. <a href=\"https://www.nice.org.uk/guidance/ng59\">"
            ))
        XCTAssertTrue(
            html.contains(
                "<li id=\"ref-sluka2003\">Sluka KA, Walsh D. TENS: basic science mechanisms. <cite>J Pain</cite>. "
                    + "2003. PMID: <a href=\"https://pubmed.ncbi.nlm.nih.gov/14622708/\">14622708</a> · DOI: <a "
                    + "href=\"https://doi.org/10.1054/jpai.2003.434\">10.1054/jpai.2003.434</a></li>"
            ))
    }

    /// "et al." and a title that asks a question already end their sentence: no second mark.
    func testAListAddsNoFullStopAfterOneThatEndsTheText() throws {
        let refs =
            "references:\n  g: { title: \"Does PNS help?\", authors: \"Gilligan C, Russo M, et al.\", journal: "
            + "\"Pain 162(10).\", year: 2021, pmid: \"34534176\" }\n"
        let site = site(body: "A trial [@g].", refs: refs)
        XCTAssertEqual(errors(site), [])
        let html = try XCTUnwrap(site.read("Site/en/tens/index.html"))
        XCTAssertTrue(
            html.contains(
                "<li id=\"ref-g\">Gilligan C, Russo M, et al. Does PNS help? <cite>Pain 162(10).</cite> 2021."),
            "one full stop after 'et al.', none after '?' or a journal's own full stop")
        XCTAssertFalse(html.contains("et al.."))
    }

    func testUnknownKeyIsAnErrorAtItsLine() {
        XCTAssertEqual(
            errors(site(body: "Intro.\n\nSee [@slka2003].")),
            [
                "Content/en/tens.md:11:6: error: citation '[@slka2003]' names no entry in 'references' (did you "
                    + "mean 'sluka2003'?)"
            ])
    }

    /// `[@ x]` and `[@a; @x]`: the error is at the citation, wherever on its line it is.
    func testAnUnknownKeyWrittenWithSpacesIsReportedAtItsCitation() {
        XCTAssertEqual(
            errors(site(body: "Intro.\n\nSee [@ slka2003] and [@nice2016; @slk2003].")),
            [
                "Content/en/tens.md:11:6: error: citation '[@slka2003]' names no entry in 'references' (did you "
                    + "mean 'sluka2003'?)",
                "Content/en/tens.md:11:34: error: citation '[@slk2003]' names no entry in 'references' (did you "
                    + "mean 'sluka2003'?)",
            ])
    }

    func testMalformedIdentifiersAreErrors() {
        let refs =
            "references:\n  a: { title: \"T\", authors: \"A\", pmid: \"PMC123\" }\n  b: { title: \"T\", authors: "
            + "\"A\", doi: \"https://doi.org/10.1/x\" }\n  c: { title: \"T\", authors: \"A\" }\n"
        XCTAssertEqual(
            errors(site(body: "[@a] [@b] [@c]", refs: refs)),
            [
                "Content/en/tens.md:5:40: error: front matter: references: 'a': pmid 'PMC123' is not a PubMed ID (1 "
                    + "to 8 digits)",
                "Content/en/tens.md:6:39: error: front matter: references: 'b': doi 'https://doi.org/10.1/x' is not "
                    + "a DOI (10.NNNN/…, without 'https://doi.org/')",
                "Content/en/tens.md:7:3: error: front matter: references: 'c': give a pmid, a doi or a url, so "
                    + "readers can find it",
            ])
    }

    func testIdentifierShapes() {
        XCTAssertTrue(Reference.isWellFormedDOI("10.1002/14651858.CD003008.pub3"))
        XCTAssertFalse(Reference.isWellFormedDOI("10.12/x"))
        XCTAssertTrue(Reference.isWellFormedPMID("8800939"))
        XCTAssertFalse(Reference.isWellFormedPMID("123456789"))
    }
}
