import Dispatch
import XCTest

@testable import CommonMark

/// cmark-gfm shares a table between parsers; these check that documents finished on every
/// thread at once come out as on one (`SpecialCharacters`), and that nothing is retained across
/// conversions.
final class ConcurrencyAndMemoryTests: XCTestCase {
    static func document(_ index: Int) -> String {
        """
        ## Section \(index)

        Text with *emphasis*, **strong**, `code`, "quotes" -- and [a link](page-\(index % 7).md).
        Smart punctuation 'here' and www.example.org/\(index).

        | n | square |
        |---|--------|
        | \(index) | \(index * index) |

        - [x] item \(index)
        - ~~gone~~

        Footnote.[^\(index)]

        [^\(index)]: Source \(index).
        """
    }

    func testParallelRenderingMatchesSerialRendering() {
        let documents = (0..<3_000).map(Self.document)
        let serial = documents.map { MarkdownConverter.convert($0, isInternal: { !$0.contains(":") }).html }
        // The extensions whose characters the shared table holds did their work.
        XCTAssertEqual(serial.filter { !$0.contains("<del>gone</del>") }.count, 0)
        XCTAssertEqual(serial.filter { !$0.contains("<a href=\"http://www.example.org/") }.count, 0)
        let parallel = UnsafeSendableBox(Array(repeating: "", count: documents.count))
        DispatchQueue.concurrentPerform(iterations: documents.count) { index in
            parallel.set(index, MarkdownConverter.convert(documents[index], isInternal: { !$0.contains(":") }).html)
        }
        // Reported as the pages that differ and the first of them: without the lock, a failure
        // printed all three thousand pages twice (5 MB) and hid which ones were wrong.
        let values = parallel.values
        let differing = documents.indices.filter { values[$0] != serial[$0] }
        XCTAssertEqual(differing, [], "first differing page: \(differing.first.map { values[$0] } ?? "")")
    }

    /// The library's calls that would change the table come to spinesite's definition, so
    /// documents are finished without a lock (if this fails they are finished one at a time:
    /// right, but a third of the Markdown stage's parallelism is lost).
    func testTheSpecialCharacterTableStaysConstant() {
        XCTAssertEqual(
            MarkdownConverter.convert("~~a~~ www.example.org", isInternal: { _ in false }).html,
            "<p><del>a</del> <a href=\"http://www.example.org\">www.example.org</a></p>\n")
        XCTAssertTrue(SpecialCharacters.isConstant)
    }

    /// cmark-gfm's memory for a document comes from this thread's arena, which valgrind cannot
    /// see into: each conversion, large or small, gives all of it back.
    func testEveryConversionGivesBackItsArenaMemory() {
        let large = (0..<400).map(Self.document).joined(separator: "\n\n")
        for markdown in [Self.document(1), large, "", Self.document(2)] {
            let before = CoreExtensions.arenaPosition
            let html = MarkdownConverter.convert(markdown, isInternal: { !$0.contains(":") }).html
            XCTAssertEqual(html.isEmpty, markdown.isEmpty)
            let after = CoreExtensions.arenaPosition
            XCTAssertEqual(after.block, before.block)
            XCTAssertEqual(after.used, before.used)
        }
    }

    /// Run under valgrind by `make leakcheck` (Scripts/leakcheck.sh). Every other document with a
    /// build's options, so that the render callback writes its tables and footnotes.
    func testRenderTenThousandDocuments() {
        var total = 0
        let build = MarkdownOptions(
            footnoteLabels: FootnoteLabels(title: "Notes", backLink: "Back"), collectsPlainText: false,
            tableLabel: "Table")
        for index in 0..<10_000 {
            let options = index.isMultiple(of: 2) ? build : MarkdownOptions()
            let rendered = MarkdownConverter.convert(
                Self.document(index), options: options, isInternal: { !$0.contains(":") })
            XCTAssertEqual(rendered.headings.first?.anchor, "section-\(index)")
            XCTAssertEqual(rendered.internalLinks.first?.destination, "page-\(index % 7).md")
            total += rendered.html.utf8.count
        }
        XCTAssertGreaterThan(total, 10_000 * 400)
    }
}

final class UnsafeSendableBox<Value>: @unchecked Sendable {
    private var storage: [Value]
    private let lock = NSLock()

    init(_ storage: [Value]) { self.storage = storage }

    func set(_ index: Int, _ value: Value) { lock.withLock { storage[index] = value } }
    var values: [Value] { lock.withLock { storage } }
}
