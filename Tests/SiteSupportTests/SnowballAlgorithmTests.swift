import Foundation
import SiteSupport
import XCTest

final class SnowballAlgorithmTests: XCTestCase {
    func testALanguageTagPicksItsPrimarySubtagsAlgorithm() {
        XCTAssertEqual(SnowballAlgorithm.forLanguage("en"), "english")
        XCTAssertEqual(SnowballAlgorithm.forLanguage("es-419"), "spanish")
        XCTAssertEqual(SnowballAlgorithm.forLanguage("pt-BR"), "portuguese")
        XCTAssertEqual(SnowballAlgorithm.forLanguage("AR"), "arabic")
        XCTAssertEqual(SnowballAlgorithm.forLanguage("zh_Hant"), nil)
    }

    func testALanguageSnowballLacksHasNoAlgorithm() {
        XCTAssertNil(SnowballAlgorithm.forLanguage("ja"))
        XCTAssertNil(SnowballAlgorithm.forLanguage("porter"))
        XCTAssertNil(SnowballAlgorithm.forLanguage(""))
    }

    /// Every algorithm a language can pick has its WebAssembly stemmer, and every stemmer
    /// built (`Scripts/build-stemmers.sh`, libstemmer's whole list) but `porter` is picked.
    func testEveryAlgorithmHasItsStemmerForTheBrowser() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Templates/stemmers").standardized
        let built = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".wasm") }.map { String($0.dropLast(".wasm".count)) }
        XCTAssertEqual(Set(built), Set(SnowballAlgorithm.byLanguage.values).union(["porter"]))
    }
}
