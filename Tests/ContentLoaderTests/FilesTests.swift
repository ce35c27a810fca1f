import ContentLoader
import Foundation
import SiteModel
import TestSupport
import XCTest

final class FilesTests: XCTestCase {
    func testInvalidUTF8NamesLineAndColumn() {
        let site = MinimalSite.make()
        site.write(
            "Content/en/bad.md", data: Data("---\ntitle: \"caf".utf8) + Data([0xC3, 0x28]) + Data("\"\n---\n".utf8))
        XCTAssertEqual(
            messages(load([:], site: site)),
            ["Content/en/bad.md:2:12: error: file is not valid UTF-8; save it as UTF-8"])
    }

    /// Spaces, capitals, `+` and accents were refused; any name safe on disk is now a page.
    func testFileNamesWithSpacesCapitalsAndPlusAreAccepted() throws {
        let page = MinimalSite.page()
        let site = try load(["Back pain.md": page, "tens+pnt.md": page, "Sciatica.md": page, "Ciática/Guía.md": page])
            .get()
        XCTAssertEqual(
            site.pages.map(\.relativePath).sorted(), ["Back pain.md", "Ciática/Guía.md", "Sciatica.md", "tens+pnt.md"])
        XCTAssertEqual(
            messages(load(["+++.md": page])),
            [
                "Content/en/+++.md: error: file name '+++' has no letter or digit to make a URL segment of; rename "
                    + "it"
            ])
    }

    func testNULByteIsAnError() {
        let site = MinimalSite.make()
        site.write("Content/en/nul.md", data: Data(MinimalSite.page().utf8) + Data([0, 0x41]))
        XCTAssertEqual(
            messages(load([:], site: site)),
            ["Content/en/nul.md:7:1: error: file contains a NUL byte; is it a text file?"])
    }

    func testBOMAndCRLFJustWork() throws {
        let site = MinimalSite.make()
        let text = MinimalSite.page(title: "Windows", body: "## Heading").replacingOccurrences(of: "\n", with: "\r\n")
        site.write("Content/en/win.md", data: Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8))
        let page = try XCTUnwrap(try load([:], site: site).get().pages.first)
        XCTAssertEqual(page.frontMatter.title, "Windows")
        XCTAssertFalse(page.body.contains("\r"))
    }

    func testLocaleFolderMustBeALanguageTag() {
        let site = MinimalSite.make(["a.md": MinimalSite.page()])
        site.write("Content/english/locale.yml", "name: x\ndirection: ltr\n")
        site.write("Content/pt-BR/locale.yml", "name: Português\ndirection: ltr\n")
        XCTAssertEqual(
            messages(load([:], site: site)),
            ["Content/english: error: locale folder 'english' is not a BCP 47 language tag (like en, es, ar, pt-BR)"])
    }

    func testLanguageTags() {
        for tag in ["en", "es", "ar", "pt-BR", "zh-Hant-TW", "es-419", "sr-Latn"] {
            XCTAssertTrue(LanguageTag.isValid(tag), tag)
        }
        for tag in ["english", "e", "en_US", "en-", "-en", "../en", "en-US-x"] {
            XCTAssertFalse(LanguageTag.isValid(tag), tag)
        }
    }

    func testSymlinksOutsideContentAreRefused() throws {
        let outside = TemporaryFolder()
        let secret = outside.write("secret.md", MinimalSite.page(title: "Secret"))
        let site = MinimalSite.make(["a.md": MinimalSite.page()])
        try FileManager.default.createSymbolicLink(
            at: site.url.appendingPathComponent("Content/en/leak.md"), withDestinationURL: secret)
        let result = messages(load([:], site: site))
        XCTAssertEqual(result.count, 1)
        XCTAssertTrue(
            result[0].hasPrefix("Content/en/leak.md: error: symbolic link points outside Content/"), result[0])
    }

    func testSymlinkLoopIsAnErrorNotAHang() throws {
        let site = MinimalSite.make(["a.md": MinimalSite.page()])
        try FileManager.default.createSymbolicLink(
            atPath: site.path + "/Content/en/loop", withDestinationPath: site.path + "/Content/en")
        try FileManager.default.createSymbolicLink(
            atPath: site.path + "/Content/en/self.md", withDestinationPath: site.path + "/Content/en/self.md")
        XCTAssertEqual(
            messages(load([:], site: site)),
            [
                "Content/en/loop: error: symbolic link to a folder; links to folders are not followed",
                "Content/en/self.md: error: symbolic link cannot be resolved (broken, or a loop)",
            ])
    }

    func testSiteConfigUnknownKeyWarnsWithLine() throws {
        let site = MinimalSite.make(["a.md": MinimalSite.page()])
        site.write("Content/site.yml", MinimalSite.siteYAML + "basURL: x\n")
        XCTAssertEqual(
            messages(load([:], site: site)),
            ["Content/site.yml:4:1: warning: site.yml: unknown key 'basURL' is ignored (did you mean 'baseURL'?)"])
    }

    func testLocaleOrderAndMissingDefault() throws {
        let site = MinimalSite.make(["a.md": MinimalSite.page()])
        site.write("Content/es/locale.yml", "name: Español\ndirection: ltr\n")
        site.write("Content/ar/locale.yml", "name: العربية\ndirection: rtl\n")
        XCTAssertEqual(try load([:], site: site).get().locales.map(\.tag), ["en", "ar", "es"])
        site.write(
            "Content/site.yml",
            MinimalSite.siteYAML.replacingOccurrences(of: "defaultLocale: en", with: "defaultLocale: fr"))
        XCTAssertTrue(
            messages(load([:], site: site)).contains(
                "Content/site.yml:1:1: error: site.yml: defaultLocale 'fr' has no folder Content/fr/ with a locale.yml"
            ))
    }

    func testPagesOverTheSizeLimitAreRefusedAndTheLimitCanBeRaised() throws {
        let paragraph = String(repeating: "Electrical stimulation may ease pain in some people. ", count: 20) + "\n\n"
        let body = String(repeating: paragraph, count: 20 * 1024 * 1024 / paragraph.utf8.count)
        let site = MinimalSite.make(["big.md": MinimalSite.page(body: body)])
        XCTAssertEqual(
            messages(load([:], site: site)),
            [
                "Content/en/big.md: error: page is 20 MB; pages may be at most 10 MB (split it, or raise "
                    + "'maxPageMegabytes' in site.yml)"
            ])
        site.write("Content/site.yml", MinimalSite.siteYAML + "maxPageMegabytes: 32\n")
        let loaded = try load([:], site: site).get()
        XCTAssertGreaterThan(loaded.pages[0].body.utf8.count, 19 * 1024 * 1024)
        // A limit out of range is an error, and the default limit stands meanwhile.
        site.write("Content/site.yml", MinimalSite.siteYAML + "maxPageMegabytes: 0\n")
        XCTAssertEqual(
            messages(load([:], site: site)),
            [
                "Content/en/big.md: error: page is 20 MB; pages may be at most 10 MB (split it, or raise "
                    + "'maxPageMegabytes' in site.yml)",
                "Content/site.yml:4:1: error: site.yml: 'maxPageMegabytes' is a whole number of megabytes "
                    + "from 1 to 1024",
            ])
    }
}
