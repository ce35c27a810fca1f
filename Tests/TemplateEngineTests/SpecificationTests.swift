import Foundation
import TemplateEngine
import TestSupport
import XCTest

/// The official Mustache specification (`Tests/Fixtures/mustache-spec/`, MIT
/// licence), through the dynamic path: the same parser and compiler as typed
/// templates, with JSON data looked up by name as it renders.
final class SpecificationTests: XCTestCase {
    func testInterpolation() throws { try runModule("interpolation") }
    func testSections() throws { try runModule("sections") }
    func testInvertedSections() throws { try runModule("inverted") }
    func testComments() throws { try runModule("comments") }
    func testPartials() throws { try runModule("partials") }
    func testDelimiters() throws { try runModule("delimiters") }
    func testInheritance() throws { try runModule("~inheritance") }

    private struct Module: Decodable {
        var tests: [Case]
    }

    private struct Case: Decodable {
        var name: String
        var template: String
        var partials: [String: String]?
        var expected: String
    }

    private func runModule(_ module: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = Repository.fixture("mustache-spec").appendingPathComponent("\(module).json")
        let data = try Data(contentsOf: url)
        let cases = try JSONDecoder().decode(Module.self, from: data).tests
        // The data is any JSON: read it apart from the typed fields.
        let raw = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let rawCases = try XCTUnwrap(raw["tests"] as? [[String: Any]])
        XCTAssertFalse(cases.isEmpty)
        for (test, rawCase) in zip(cases, rawCases) {
            let value = Self.dynamic(rawCase["data"] as Any)
            var sources = test.partials ?? [:]
            sources["(test)"] = test.template
            let (library, parseErrors) = TemplateLibrary.parse(sources)
            XCTAssertEqual(parseErrors, [], "\(module): \(test.name)", file: file, line: line)
            switch library.compile("(test)", for: .dynamic, strict: false) {
            case .failure(let failure):
                XCTFail("\(module): \(test.name): \(failure.errors)", file: file, line: line)
            case .success(let template):
                var output = HTMLOutput()
                template.render(value.templateData, into: &output)
                XCTAssertEqual(output.text, test.expected, "\(module): \(test.name)", file: file, line: line)
            }
        }
    }

    private static func dynamic(_ json: Any) -> DynamicValue {
        switch json {
        case let flag as Bool where type(of: json) == type(of: NSNumber(value: true)): .bool(flag)
        case let number as NSNumber: .number(number.doubleValue)
        case let text as String: .string(text)
        case let array as [Any]: .array(array.map(dynamic))
        case let object as [String: Any]: .object(object.mapValues(dynamic))
        default: .null
        }
    }
}
