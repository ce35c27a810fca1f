import XCTest

@testable import SiteResolver

/// How a link's destination is read: split at its first `#`, and its path made whole from the
/// linking page's folder, with `%` escapes decoded segment by segment.
final class LinkPathTests: XCTestCase {
    func testAPathIsMadeWholeFromTheLinkingPagesFolder() {
        let cases: [(String, [String], String?)] = [
            ("tens.md", ["guides"], "guides/tens.md"),
            ("../therapies/pns.md", ["guides"], "therapies/pns.md"),
            ("./a/../b.md", [], "b.md"),
            ("/x.md", ["guides", "deep"], "x.md"),
            ("a//b.md", [], "a/b.md"),
            ("../../x.md", ["guides"], nil),
            ("back%20pain.md", [], "back pain.md"),
            ("caf%C3%A9/%2E%2E.md", [], "café/...md"),
            ("100%.md", [], "100%.md"),
            ("é/ü.md", ["ñ"], "ñ/é/ü.md"),
        ]
        for (target, folder, expected) in cases {
            XCTAssertEqual(LinkResolver.normalise(target, relativeTo: folder), expected, target)
        }
    }

    func testADestinationIsSplitAtItsFirstHash() {
        let cases: [(String, String, String?)] = [
            ("pns.md#risks", "pns.md", "risks"), ("#risks", "", "risks"), ("pns.md", "pns.md", nil),
            ("a.md#b#c", "a.md", "b#c"), ("a.md#", "a.md", ""), ("é.md#ñ", "é.md", "ñ"),
        ]
        for (destination, target, fragment) in cases {
            let parts = LinkResolver.DestinationParts(destination)
            XCTAssertEqual(parts.target, target, destination)
            XCTAssertEqual(parts.fragment, fragment, destination)
        }
    }
}
