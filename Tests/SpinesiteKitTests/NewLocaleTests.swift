import Foundation
import Incremental
import SiteModel
import SpinesiteKit
import TestSupport
import XCTest

final class NewLocaleTests: XCTestCase {
    func testNewLocaleIsUnpublishedWithItsCLDRNameAndMarkedStrings() throws {
        let site = MinimalSite.make(["tens.md": MinimalSite.page(title: "TENS")])
        site.copy(from: Repository.templates, to: "Templates")
        let created = try LocaleScaffold.create(tag: "pt-BR", options: BuildOptions(root: site.path))
        XCTAssertEqual(created.pagesToTranslate, ["\(site.path)/Content/en/tens.md"])
        let text = try XCTUnwrap(site.read("Content/pt-BR/locale.yml"))
        XCTAssertTrue(text.contains("\nname: \"Português (Brasil)\"\ndirection: ltr\npublished: false\n"), text)
        XCTAssertTrue(text.contains("  disclaimer: \"[[TODO: translate]] This site is for education only."), text)
        let marked = text.split(separator: "\n").filter { $0.contains(": \"[[TODO: translate]] ") }
        XCTAssertEqual(marked.count, created.stringsToTranslate, "every string")

        let report = try SiteBuilder.build(BuildOptions(root: site.path, output: site.path + "/Site"))
        XCTAssertEqual(report.pageCounts.map(\.locale), ["en"], "unpublished: left out of a build")
        let preview = try SiteBuilder.build(
            BuildOptions(root: site.path, output: site.path + "/Preview", includeDrafts: true))
        XCTAssertEqual(preview.pageCounts.map(\.locale), ["en", "pt-BR"], "a locale with zero pages builds")
        XCTAssertTrue(site.exists("Preview/pt-BR/index.html"))

        // Published with its marks still there: an error at the first marked string.
        site.write("Content/pt-BR/locale.yml", text.replacingOccurrences(of: "published: false\n", with: ""))
        XCTAssertThrowsError(try SiteBuilder.build(BuildOptions(root: site.path))) { error in
            let first = (error as? BuildFailure)?.errors.first?.message ?? ""
            XCTAssertTrue(
                first.hasPrefix("locale.yml: '")
                    && first.hasSuffix(
                        "' still holds a placeholder of 'spinesite new locale': translate it and remove the mark, or "
                            + "keep 'published: false'"),
                first)
        }
        XCTAssertThrowsError(
            try LocaleScaffold.create(tag: "pt-BR", options: BuildOptions(root: site.path)), "never overwrites")
        XCTAssertThrowsError(try LocaleScaffold.create(tag: "portuguese", options: BuildOptions(root: site.path)))
    }

    func testNewLocaleTakesItsDirectionFromCLDR() {
        XCTAssertEqual(LocaleScaffold.direction(of: "ar"), .rtl)
        XCTAssertEqual(LocaleScaffold.direction(of: "fa"), .rtl)
        XCTAssertEqual(LocaleScaffold.direction(of: "fr"), .ltr)
        XCTAssertEqual(LocaleScaffold.ownName(of: "fr"), "Français")
        XCTAssertEqual(LocaleScaffold.ownName(of: "ar"), "العربية")
    }
}
