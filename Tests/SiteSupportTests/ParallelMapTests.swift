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
}
