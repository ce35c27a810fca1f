import Foundation
import SiteSupport
import XCTest

/// Digests against the published SHA-256 test vectors (FIPS 180-2, appendix B).
final class SHA256HexTests: XCTestCase {
    func testDigestsMatchThePublishedVectors() {
        XCTAssertEqual(
            SHA256Hex.of("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(
            SHA256Hex.of(Data()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    func testDigitsCutTheHexFromTheStart() {
        XCTAssertEqual(SHA256Hex.of("abc", digits: 8), "ba7816bf")
        XCTAssertEqual(SHA256Hex.of("abc", digits: 12), "ba7816bf8f01")
        XCTAssertEqual(SHA256Hex.of("abc", digits: 7), "ba7816b")
    }

    func testAFingerprintPrintsAsThirtyTwoHexDigits() {
        XCTAssertEqual(
            Fingerprint(high: 0x0123_4567_89ab_cdef, low: 0xf).description, "0123456789abcdef000000000000000f")
    }
}
