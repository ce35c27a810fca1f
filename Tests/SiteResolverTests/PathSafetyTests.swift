import XCTest

@testable import SiteModel

/// File names are checked on bytes when they are plain ASCII; the rules on scalars decide the rest.
final class PathSafetyTests: XCTestCase {
    /// Every name of up to three characters from letters, digits, the marks names use and a few
    /// that must be refused: a name the byte check accepts is one the rules accept too.
    func testAPlainNameIsOneTheRulesAccept() {
        let characters = ["a", "Z", "7", "_", "-", ".", " ", "+", "\\", "\t", "é", "\u{301}"]
        var names = [""]
        var accepted = 0
        for _ in 0..<3 {
            names = names.flatMap { name in characters.map { name + $0 } }
            for name in names where PathSafety.isPlainName(name) {
                XCTAssertNil(PathSafety.problemByScalars(withFileName: name), name.debugDescription)
                accepted += 1
            }
        }
        XCTAssertGreaterThan(accepted, 100)
        for name in [".hidden", "-", "--.", "a b", "a\\b", "é"] {
            XCTAssertFalse(PathSafety.isPlainName(name), name)
        }
        XCTAssertNotNil(PathSafety.problem(withFileName: "-.-"), "nothing to make a URL of")
    }

    /// Every ASCII name of up to three characters (and some longer) gets the slug the rules on
    /// scalars give it.
    func testAnASCIINamesSlugIsTheOneTheRulesOnScalarsGive() {
        let characters = ["a", "Z", "7", "_", "-", ".", " ", "+", "(", "\t", "\\", "~"]
        var names = [""]
        for _ in 0..<3 {
            names = names.flatMap { name in characters.map { name + $0 } }
            for name in names {
                XCTAssertEqual(PathSafety.asciiSlug(fromName: name), PathSafety.slugByScalars(fromName: name), name)
            }
        }
        for name in ["  TENS + PNT (2024)  ", "..hidden.Name", "Back pain", "a--b__c..d", "-._x"] {
            XCTAssertEqual(PathSafety.slug(fromName: name), PathSafety.slugByScalars(fromName: name), name)
        }
    }

    /// A topic file's slug read on the path's bytes is the slug of its name cut out by characters,
    /// and names that are not ASCII (or paths not ending in `.md`) are left to that.
    func testAMarkdownFilesSlugIsTheSlugOfItsName() {
        let paths = [
            "tens.md", "therapies/TENS and PNT.md", "a/b/.hidden.md", "a/.md", "x/Back--pain_2.MD.md", "md",
            ".md", "a/b/", "Estimulación.md", "a/é/tens.md", "notes.txt", "a\r\nb.md",
        ]
        for path in paths {
            let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
            let byCharacters =
                path.hasSuffix(".md") && name.utf8.allSatisfy({ $0 < 0x80 })
                ? PathSafety.slug(fromName: String(name.dropLast(3))) : nil
            XCTAssertEqual(PathSafety.markdownFileSlug(path), byCharacters, path)
        }
    }
}
