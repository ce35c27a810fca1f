import Foundation
import SpinesiteKit
import TestSupport
import Translations
import XCTest

/// `spinesite translations`: the states it prints, and borrowed pages among them.
final class TranslationReportTests: XCTestCase {
    /// Tests/Fixtures/Fallback: pt-BR (no pages) → pt → es → en.
    func testTranslationReportShowsFallbacks() throws {
        let folder = TemporaryFolder()
        folder.copy(from: Repository.fixture("Fallback"), to: "site")
        let translations = try TranslationReport.make(
            BuildOptions(root: folder.path + "/site", templates: Repository.templates.path))
        XCTAssertEqual(translations.counts["pt-BR"], ["fallback": 5])
        XCTAssertEqual(translations.rows.first { $0.id == "other" }?.locales["pt"], .unstamped)
    }

    /// The states the guide names are the ones `spinesite translations` prints.
    func testTheGuideNamesTheStatesTheReportPrints() throws {
        let text = try String(
            contentsOf: Repository.root.appendingPathComponent("docs/translators.md"), encoding: .utf8)
        let list = try XCTUnwrap(text.components(separatedBy: "in these states:").dropFirst().first)
        let named = list.prefix { $0 != "." }.components(separatedBy: "`").enumerated()
            .filter { $0.offset % 2 == 1 }.map(\.element)
        XCTAssertEqual(Set(named), ["original", "current", "stale", "unstamped", "fallback", "missing"])
        XCTAssertTrue(named.allSatisfy { TranslationReport.Cell(rawValue: $0) != nil }, "\(named)")
    }
}
