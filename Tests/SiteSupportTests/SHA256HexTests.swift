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

    /// FIPS 180-2's long vector (a million "a"), fed in pieces larger and
    /// smaller than the hasher's buffer: the pieces must not change the digest.
    func testAStreamFedInPiecesDigestsLikeTheWhole() {
        var hasher = FingerprintHasher()
        var fed = 0
        for size in [1, 999, 5000, 3, 4093] + Array(repeating: 1000, count: 989) + [904] {
            let part = [UInt8](repeating: UInt8(ascii: "a"), count: size)
            part.withUnsafeBytes { hasher.combineRaw($0) }
            fed += size
        }
        XCTAssertEqual(fed, 1_000_000)
        XCTAssertEqual(hasher.finalize().description, "cdc76e5c9914fb9281a1c7e284d73e67")
        XCTAssertEqual(
            SHA256Hex.of(Data(repeating: UInt8(ascii: "a"), count: 1_000_000), digits: 32),
            "cdc76e5c9914fb9281a1c7e284d73e67")
    }

    /// A hasher is a value: a copy goes on from where the original was, and
    /// finishing one does not disturb the other.
    func testACopiedHasherGoesOnIndependently() {
        var first = FingerprintHasher()
        first.combine(String(repeating: "x", count: 10_000))
        var second = first
        second.combine("y")
        XCTAssertEqual(first.finalize(), Fingerprint.of(String(repeating: "x", count: 10_000)))
        XCTAssertEqual(second.finalize(), Fingerprint.of(String(repeating: "x", count: 10_000), "y"))
        XCTAssertEqual(first.finalize(), first.finalize())
    }
}
