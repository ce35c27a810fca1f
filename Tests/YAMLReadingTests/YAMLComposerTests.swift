import XCTest

@testable import YAMLReading

final class YAMLComposerTests: XCTestCase {
    private func compose(_ text: String) throws -> YAMLNode? {
        try YAMLComposer.compose(text).get()
    }

    private func failure(_ text: String) -> YAMLSyntaxError? {
        if case .failure(let error) = YAMLComposer.compose(text) { return error }
        return nil
    }

    func testComposesMappingsListsAndScalarsWithTheirPlaces() throws {
        let node = try XCTUnwrap(compose("title: \"TENS\"\ntags: [a, 'b']\nnested:\n  - x: |\n      one\n"))
        guard case .mapping(let mapping) = node else { return XCTFail("not a mapping: \(node)") }
        XCTAssertEqual(mapping.map { $0.key.string }, ["title", "tags", "nested"])
        XCTAssertEqual(mapping.mark, .init(line: 1, column: 1))
        let title = try XCTUnwrap(mapping[0].value.scalar)
        XCTAssertEqual(title.string, "TENS")
        XCTAssertEqual(title.style, .doubleQuoted)
        XCTAssertEqual(title.mark, .init(line: 1, column: 8))
        guard case .sequence(let tags) = mapping[1].value else { return XCTFail("tags not a list") }
        XCTAssertEqual(tags.map { $0.scalar?.string }, ["a", "b"])
        XCTAssertEqual(tags.map { $0.scalar?.style }, [.plain, .singleQuoted])
        XCTAssertEqual(tags[1].mark, .init(line: 2, column: 11))
        guard case .sequence(let nested) = mapping[2].value, case .mapping(let item) = nested[0] else {
            return XCTFail("nested not a list of mappings")
        }
        XCTAssertEqual(item[0].value.scalar?.string, "one\n")
        XCTAssertEqual(item[0].value.scalar?.style, .literal)
        XCTAssertEqual(nested.mark, .init(line: 4, column: 3))
    }

    func testColumnsCountCharactersNotBytes() throws {
        let node = try XCTUnwrap(compose("{ é: ñ, k: v }"))
        guard case .mapping(let mapping) = node else { return XCTFail("not a mapping") }
        XCTAssertEqual(mapping[1].key.mark, .init(line: 1, column: 9))
    }

    func testAnEmptyTextHasNoDocument() throws {
        XCTAssertNil(try compose(""))
        XCTAssertNil(try compose("# only a comment\n"))
    }

    func testAnAliasIsTheValueItsAnchorNames() throws {
        let node = try XCTUnwrap(compose("a: &shared [1, 2]\nb: *shared\nc: &shared x\nd: *shared\n"))
        guard case .mapping(let mapping) = node, case .sequence(let list) = mapping[1].value else {
            return XCTFail("b is not the anchored list")
        }
        XCTAssertEqual(list.map { $0.scalar?.string }, ["1", "2"])
        // A later anchor of the same name hides the first.
        XCTAssertEqual(mapping[3].value.scalar?.string, "x")
    }

    func testAnUndefinedAliasIsAComposerError() {
        guard case .syntax(.composer, _, let problem, let mark) = failure("a: *nowhere\n") else {
            return XCTFail("no composer error")
        }
        XCTAssertEqual(problem, "found undefined alias")
        XCTAssertEqual(mark, .init(line: 1, column: 4))
    }

    func testAKeyWrittenTwiceIsNamedAtItsFirstPlace() {
        guard case .duplicateKey(let key, let mark) = failure("title: a\nz: 1\nz: 2\nb: x\nb: y\n") else {
            return XCTFail("duplicate not found")
        }
        XCTAssertEqual(key, "b", "the smallest repeated key")
        XCTAssertEqual(mark, .init(line: 4, column: 1))
    }

    func testAKeyWrittenTwiceIsFoundAmongManyKeys() {
        let keys = (0..<40).map { "key\($0): \($0)" } + ["key7: again"]
        guard case .duplicateKey(let key, let mark) = failure(keys.joined(separator: "\n")) else {
            return XCTFail("duplicate not found among many keys")
        }
        XCTAssertEqual(key, "key7")
        XCTAssertEqual(mark, .init(line: 8, column: 1))
        XCTAssertNotNil(try? compose((0..<40).map { "key\($0): \($0)" }.joined(separator: "\n")))
    }

    func testAListAsAKeyIsRefused() {
        guard case .keyNotText(let mark) = failure("title: a\n? [x, y]\n: z\n") else {
            return XCTFail("a list key was accepted")
        }
        XCTAssertEqual(mark, .init(line: 2, column: 3))
    }

    func testNestingPastTheLimitIsRefusedNotRecursedInto() {
        let limit = YAMLComposer.maximumDepth
        XCTAssertNotNil(try? compose(String(repeating: "[", count: limit) + String(repeating: "]", count: limit)))
        let deep = String(repeating: "[", count: 100_000)
        guard case .tooDeep(let reported, let mark) = failure(deep) else { return XCTFail("deep nesting accepted") }
        XCTAssertEqual(reported, limit)
        XCTAssertEqual(mark, .init(line: 1, column: limit + 1))
    }

    func testASecondDocumentIsAnError() {
        guard case .syntax(.composer, let context, let problem, let mark) = failure("a: 1\n---\nb: 2\n") else {
            return XCTFail("second document accepted")
        }
        XCTAssertEqual(context?.text, "expected a single document in the stream")
        XCTAssertEqual(problem, "but found another document")
        XCTAssertEqual(mark, .init(line: 2, column: 1))
    }

    func testLibyamlErrorsKeepItsWordsAndPlaces() {
        let unclosed = failure("title: [a, b\n")
        guard case .syntax(.parser, let context, let problem, let mark) = unclosed else {
            return XCTFail("unclosed list: \(String(describing: unclosed))")
        }
        XCTAssertEqual(context?.text, "while parsing a flow sequence")
        XCTAssertEqual(context?.mark, .init(line: 1, column: 8))
        XCTAssertFalse(problem.isEmpty)
        XCTAssertEqual(mark.line, 2)
        guard case .reader(let control) = failure("title: a\u{1}\n") else { return XCTFail("control character read") }
        XCTAssertTrue(control.contains("control characters"), control)
    }
}
