import Foundation
import TemplateEngine
import TestSupport
import XCTest

/// The official Mustache specification (`Tests/Fixtures/mustache-spec/`, MIT
/// licence), through the site's own compiler and renderer: each test's JSON
/// data becomes typed values (`JSONType`). A test either renders exactly what
/// the specification expects, or is one the typed rules refuse, listed here
/// with the rule: a name no value has, a partial that does not exist, text
/// inserted unescaped or HTML escaped, a section over a value that is not a
/// list, a flag or optional, a partial including itself, set-delimiter tags.
final class SpecificationTests: XCTestCase {
    func testInterpolation() throws {
        // Names no value has, and names through values that lack them.
        try runModule(
            "interpolation",
            refused: [
                "Ampersand Context Miss Interpolation", "Basic Context Miss Interpolation",
                "Dotted Names - Broken Chain Resolution", "Dotted Names - Broken Chains",
                "Dotted Names - Context Precedence", "Dotted Names are never single keys",
                "Triple Mustache Context Miss Interpolation",
            ])
    }

    func testSections() throws {
        try runModule("sections", refused: ["Context Misses", "Dotted Names - Broken Chains"])
    }

    func testInvertedSections() throws {
        // An inverted section's content sees no value of what it tests.
        try runModule("inverted", refused: ["Context", "Context Misses", "Dotted Names - Broken Chains", "List"])
    }

    func testComments() throws { try runModule("comments", refused: []) }

    func testPartials() throws {
        // A missing partial is an error, and one including itself would need a deeper type at each level.
        try runModule("partials", refused: ["Failed Lookup", "Recursion"])
    }

    func testDelimiters() throws {
        // Every test sets delimiters (`{{=<% %>=}}`), which templates may not.
        try runModule(
            "delimiters",
            refused: [
                "Indented Standalone Tag", "Inverted Sections", "Outlying Whitespace (Inline)", "Pair Behavior",
                "Pair with Padding", "Partial Inheritence", "Post-Partial Behavior", "Sections", "Special Characters",
                "Standalone Line Endings", "Standalone Tag", "Standalone Without Newline",
                "Standalone Without Previous Line", "Surrounding Whitespace",
            ])
    }

    func testInheritance() throws {
        // An inverted section over a name no value has.
        try runModule("~inheritance", refused: ["Negative Sections"])
    }

    private struct Module: Decodable {
        var tests: [Case]
    }

    private struct Case: Decodable {
        var name: String
        var template: String
        var partials: [String: String]?
        var expected: String
    }

    /// Runs every test of `module`: those not `refused` must render as
    /// expected, and those refused must fail to parse or compile.
    private func runModule(_ module: String, refused: Set<String>, file: StaticString = #filePath, line: UInt = #line)
        throws
    {
        let url = Repository.fixture("mustache-spec").appendingPathComponent("\(module).json")
        let data = try Data(contentsOf: url)
        let cases = try JSONDecoder().decode(Module.self, from: data).tests
        // The data is any JSON: read it apart from the typed fields.
        let raw = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let rawCases = try XCTUnwrap(raw["tests"] as? [[String: Any]])
        XCTAssertFalse(cases.isEmpty)
        var refusedHere: Set<String> = []
        for (test, rawCase) in zip(cases, rawCases) {
            var sources = test.partials ?? [:]
            sources["(test)"] = test.template
            guard let output = Self.render(sources, data: rawCase["data"]) else {
                refusedHere.insert(test.name)
                continue
            }
            XCTAssertEqual(output, test.expected, "\(module): \(test.name)", file: file, line: line)
        }
        XCTAssertEqual(refusedHere, refused, "\(module): tests the typed rules refuse", file: file, line: line)
    }

    /// The test template's output, its strings typed as text or else as
    /// HTML; nil if it does not parse or compile either way.
    private static func render(_ sources: [String: String], data: Any?) -> String? {
        let parsed = TemplateLibrary.parse(sources)
        guard parsed.errors.isEmpty else { return nil }
        let library = parsed.library
        let type = JSONType(of: data)
        for stringsAreHTML in [false, true] {
            guard
                case .success(let template) = library.compile(
                    "(test)", for: type.shape(stringsAreHTML: stringsAreHTML))
            else { continue }
            var output = HTMLOutput()
            template.render(type.value(data, stringsAreHTML: stringsAreHTML), into: &output)
            return output.text
        }
        return nil
    }
}
