import SiteSupport
import XCTest

final class ParallelMapTests: XCTestCase {
    func testResultsKeepTheOrderOfTheInputs() {
        let inputs = Array(0..<5_000)
        XCTAssertEqual(ParallelMap.map(inputs) { $0 * 3 }, inputs.map { $0 * 3 })
    }

    func testAnEmptyInputMapsToNothing() {
        XCTAssertEqual(ParallelMap.map([Int]()) { $0 }, [])
    }

    /// Results are moved out of the workers' slots: each is held by the result array alone, and
    /// freed with it.
    func testEachResultIsHeldByTheResultsAlone() {
        var results = ParallelMap.map(Array(0..<1_000)) { Box($0) }
        XCTAssertEqual(results.map(\.value), Array(0..<1_000))
        for index in results.indices { XCTAssertTrue(isKnownUniquelyReferenced(&results[index])) }
        weak var first = results.first
        results.removeAll()
        XCTAssertNil(first)
    }
}

private final class Box: Sendable {
    let value: Int
    init(_ value: Int) { self.value = value }
}
