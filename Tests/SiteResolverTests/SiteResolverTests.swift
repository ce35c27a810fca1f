import Foundation
import SiteModel
import SiteResolver
import SiteSupport
import XCTest

/// Builds `LoadedSite` values in memory: the resolver needs no files.
enum Sites {
    static func page(
        _ path: String, locale: String = "en", title: String? = nil, id: String? = nil, slug: String? = nil,
        weight: Int = 0, related: [String] = [], aliases: [String] = [], body: String = ""
    ) -> SourcePage {
        let file = "Content/\(locale)/\(path)"
        let fileName = path.split(separator: "/").last!
        let kind: SourcePage.Kind = fileName != "_index.md" ? .topic : (path == "_index.md" ? .home : .section)
        let at = { (line: Int) in SourceLocation(file: file, line: line, column: 1) }
        let frontMatter = FrontMatter(
            title: title ?? path, description: "About \(path).",
            id: id.map { Located($0, at: at(4)) }, slug: slug.map { Located($0, at: at(5)) }, weight: weight,
            aliases: aliases.map { Located($0, at: at(6)) }, related: related.map { Located($0, at: at(7)) }
        )
        return SourcePage(
            locale: locale, relativePath: path, kind: kind, frontMatter: frontMatter, body: body, bodyLocation: at(10))
    }

    static func locale(_ tag: String) -> LocaleConfig {
        LocaleConfig(
            tag: tag, name: tag.uppercased(), direction: tag == "ar" ? .rtl : .ltr, strings: [:],
            location: SourceLocation(file: "Content/\(tag)/locale.yml"))
    }

    static func site(
        _ pages: [SourcePage], locales: [String] = ["en", "es"], baseURL: String = "https://example.org/"
    ) -> LoadedSite {
        let config = SiteConfig(
            title: "Site", baseURL: baseURL, defaultLocale: locales[0],
            location: SourceLocation(file: "Content/site.yml"))
        return LoadedSite(config: config, locales: locales.map(locale), pages: pages, warnings: [])
    }

    static func errors(_ site: LoadedSite) -> [String] {
        do {
            _ = try SiteResolver.resolve(site)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }
}

final class SiteResolverTests: XCTestCase {
    /// Any safe file name is a page; its URL segment is a lower-case slug of it.
    func testFileNamesBecomeLowerCaseSlugsAndCollisionsNameBothFiles() throws {
        let graph = try SiteResolver.resolve(
            Sites.site([
                Sites.page("Back pain.md"), Sites.page("tens+pnt.md"), Sites.page("Sciatica.md"),
                Sites.page("Guías Rápidas/Estimulación.md"), Sites.page("x.md", slug: "Own-Slug"),
            ]))
        XCTAssertEqual(
            graph.pages.filter { !$0.isGenerated && $0.locale == "en" }.map(\.url).sorted(),
            ["/en/Own-Slug/", "/en/back-pain/", "/en/guías-rápidas/estimulación/", "/en/sciatica/", "/en/tens-pnt/"],
            "a slug: is taken as written")
        XCTAssertEqual(
            Sites.errors(Sites.site([Sites.page("Back pain.md"), Sites.page("back-pain.md")])),
            [
                "Content/en/back-pain.md:1:1: error: output path 'en/back-pain/' is also used by "
                    + "Content/en/Back pain.md; give one of them another slug"
            ], "once, although es borrows both")
        XCTAssertEqual(PathSafety.slug(fromName: "  TENS + PNT (2024)  "), "tens-pnt-2024")
        XCTAssertNil(PathSafety.problem(withFileName: "Back pain"))
        XCTAssertNotNil(PathSafety.problem(withFileName: "+++"), "nothing to make a URL of")
        XCTAssertNotNil(PathSafety.problem(withFileName: "tab\there"))
        XCTAssertNotNil(PathSafety.problem(withFileName: ".hidden"))
    }

    func testURLsFollowSectionAndPageSlugsPerLocale() throws {
        let graph = try SiteResolver.resolve(
            Sites.site(
                [
                    Sites.page("therapies/_index.md"),
                    Sites.page("therapies/tens.md"),
                    Sites.page("therapies/_index.md", locale: "es", slug: "terapias"),
                    Sites.page("therapies/tens.md", locale: "es", slug: "estimulacion-nerviosa-transcutanea"),
                ], baseURL: "https://example.org/docs"))
        let urls = graph.pages.map { "\($0.locale) \($0.id) \($0.url) \($0.outputPath)" }
        XCTAssertEqual(
            urls,
            [
                "en home /docs/en/ en/index.html",
                "en therapies /docs/en/therapies/ en/therapies/index.html",
                "en therapies/tens /docs/en/therapies/tens/ en/therapies/tens/index.html",
                "es home /docs/es/ es/index.html",
                "es therapies /docs/es/terapias/ es/terapias/index.html",
                "es therapies/tens /docs/es/terapias/estimulacion-nerviosa-transcutanea/ "
                    + "es/terapias/estimulacion-nerviosa-transcutanea/index.html",
            ])
        XCTAssertTrue(graph.pages[0].isGenerated, "a locale without _index.md still gets a home page")
    }

    func testSectionTreeOrdersByWeightThenTitle() throws {
        let graph = try SiteResolver.resolve(
            Sites.site(
                [
                    Sites.page("_index.md"),
                    Sites.page("hub.md", weight: 1),
                    Sites.page("therapies/b.md", title: "B", weight: 2),
                    Sites.page("therapies/a.md", title: "A", weight: 2),
                    Sites.page("therapies/z.md", title: "Z", weight: 1),
                ], locales: ["en"]))
        let byID = Dictionary(uniqueKeysWithValues: graph.pages.enumerated().map { ($1.id, $0) })
        let section = graph.pages[byID["therapies"]!]
        XCTAssertEqual(section.children.map { graph.pages[$0].title }, ["Z", "A", "B"])
        XCTAssertEqual(
            graph.pages[byID["home"]!].children.map { graph.pages[$0].id }, ["therapies", "hub"],
            "generated section has weight 0")
        XCTAssertEqual(graph.pages[byID["therapies/a"]!].ancestors.map { graph.pages[$0].id }, ["home", "therapies"])
    }

    func testTranslationsAndRelatedArePairedByID() throws {
        let graph = try SiteResolver.resolve(
            Sites.site([
                Sites.page("tens.md", id: "tens", related: ["pnt", "only-es"]),
                Sites.page("pnt.md", id: "pnt"),
                Sites.page("tens.md", locale: "es", id: "tens", related: ["pnt"]),
                Sites.page("extra.md", locale: "es", id: "only-es"),
            ]))
        let tens = graph.pages[graph.pagesByID["en"]!["tens"]!]
        XCTAssertEqual(
            tens.related.map { graph.pages[$0].id }, ["pnt"], "a related id missing in this locale is skipped")
        XCTAssertEqual(tens.translations.map { graph.pages[$0].locale }, ["en", "es"])
    }

    func testDuplicateIDAndOutputPathAreErrors() {
        XCTAssertEqual(
            Sites.errors(Sites.site([Sites.page("a.md", id: "same"), Sites.page("b.md", id: "same")])),
            [
                "Content/en/b.md:4:1: error: id 'same' is already used by Content/en/a.md in locale 'en'"
            ])
        XCTAssertEqual(
            Sites.errors(Sites.site([Sites.page("a.md", slug: "b"), Sites.page("b.md")])),
            [
                "Content/en/b.md:1:1: error: output path 'en/b/' is also used by Content/en/a.md; give one of them "
                    + "another slug"
            ])
    }

    func testRelatedToUnknownIDIsAnErrorWithSuggestion() {
        XCTAssertEqual(
            Sites.errors(
                Sites.site([Sites.page("tens.md", id: "tens", related: ["pnn"]), Sites.page("pnt.md", id: "pnt")])),
            [
                "Content/en/tens.md:7:1: error: related: no page has id 'pnn' (did you mean 'pnt'?)"
            ])
    }

    func testAnIDByItsLastSegmentSuggestsTheFullID() {
        XCTAssertEqual(
            Sites.errors(
                Sites.site([
                    Sites.page("tens.md", id: "tens", related: ["scs"]),
                    Sites.page("therapies/scs.md", id: "therapies/scs"),
                ])),
            ["Content/en/tens.md:7:1: error: related: no page has id 'scs' (did you mean 'therapies/scs'?)"])
        XCTAssertEqual(Suggestion.closestID(to: "scs", in: ["therapies/scs", "tens"]), "therapies/scs")
        XCTAssertEqual(Suggestion.closestID(to: "therapy/scs", in: ["therapies/scs", "guides/scs"]), "therapies/scs")
        XCTAssertEqual(Suggestion.closestID(to: "pnn", in: ["pnt", "therapies/pns"]), "pnt")
    }

    func testAReferenceToADraftSaysItIsADraft() throws {
        var site = Sites.site([Sites.page("tens.md", id: "tens", related: ["scs"])])
        var draft = Sites.page("therapies/scs.md", id: "scs")
        draft.frontMatter.draft = true
        site.leftOut = [LeftOutPage(draft)]
        let advice = "'therapies/scs.md' is a draft: remove `draft: true` to publish it, or preview with --drafts"
        XCTAssertEqual(Sites.errors(site), ["Content/en/tens.md:7:1: error: related: no page has id 'scs': \(advice)"])
        site.pages[0].frontMatter.related = []
        let graph = try SiteResolver.resolve(site)
        XCTAssertEqual(graph.leftOut.draftCount, 1)
        let resolver = LinkResolver(graph: graph, headingAnchors: graph.pages.map { _ in [] })
        let tens = graph.pagesByID["en"]!["tens"]!
        for destination in ["therapies/scs.md", "topic:scs"] {
            guard case .failure(let problem) = resolver.resolve(destination, from: tens) else {
                return XCTFail(destination)
            }
            XCTAssertEqual(problem.message, "link to '\(destination)' does not resolve: \(advice)")
        }
    }

    func testAMistypedLinkToADraftSuggestsItAndSaysItIsADraft() throws {
        var site = Sites.site([Sites.page("guides/start.md", id: "start")])
        var draft = Sites.page("therapies/spinal-cord-stimulation.md", id: "spinal-cord-stimulation")
        draft.frontMatter.draft = true
        site.leftOut = [LeftOutPage(draft)]
        let graph = try SiteResolver.resolve(site)
        let resolver = LinkResolver(graph: graph, headingAnchors: graph.pages.map { _ in [] })
        let advice =
            "'therapies/spinal-cord-stimulation.md' is a draft: remove `draft: true` to publish it, or preview "
            + "with --drafts"
        let cases = [
            "../therapies/spinal-cord-stimulaton.md": "../therapies/spinal-cord-stimulation.md",
            "topic:spinal-cord-stimulaton": "topic:spinal-cord-stimulation",
        ]
        for (destination, suggestion) in cases {
            let start = try XCTUnwrap(graph.pagesByID["en"]?["start"])
            guard case .failure(let problem) = resolver.resolve(destination, from: start) else {
                return XCTFail(destination)
            }
            XCTAssertEqual(
                problem.message, "link to '\(destination)' does not resolve (did you mean '\(suggestion)'? \(advice))")
        }
    }

    /// A suggested file is written as the author wrote the path: from the page's folder, or under `/files/`.
    func testAMistypedFileIsSuggestedInTheFormTheAuthorWrote() {
        let file = { (locale: String?, path: String) in
            ContentFile(locale: locale, relativePath: path, url: URL(fileURLWithPath: "/x"), file: "Content/x")
        }
        let index = FileIndex([file("en", "therapies/images/scs-trial-lead.jpg"), file(nil, "diary.pdf")])
        let cases = [
            ("images/scs-trial-leads.jpg", ["therapies"], "images/scs-trial-lead.jpg"),
            ("../therapies/images/scs-trial-leads.jpg", ["guides"], "../therapies/images/scs-trial-lead.jpg"),
            ("/files/dairy.pdf", ["therapies"], "/files/diary.pdf"),
        ]
        for (destination, folder, suggestion) in cases {
            guard case .failure(let problem) = index.file(destination, locale: "en", folder: folder) else {
                return XCTFail(destination)
            }
            XCTAssertTrue(problem.message.hasSuffix("(did you mean '\(suggestion)'?)"), problem.message)
        }
    }

    func testAliasesBecomeRedirectsAndCannotCollide() throws {
        let graph = try SiteResolver.resolve(
            Sites.site([Sites.page("tens.md", aliases: ["old-tens", "/legacy/tens/"])]))
        XCTAssertEqual(graph.redirects.map(\.outputPath), ["en/old-tens/index.html", "legacy/tens/index.html"])
        XCTAssertEqual(
            Sites.errors(Sites.site([Sites.page("tens.md", aliases: ["pnt"]), Sites.page("pnt.md")])),
            [
                "Content/en/tens.md:6:1: error: aliases: 'pnt' is already the URL of another page or alias"
            ])
        XCTAssertEqual(Sites.errors(Sites.site([Sites.page("tens.md", aliases: ["../../etc"])])).count, 1)
    }

    /// An alias is a path of this site: another host, a scheme or a step up is refused, never made
    /// into folders such as `Site/evil.example.org/x/`.
    func testAliasesThatLeaveTheSiteAreRefusedWithAReason() throws {
        let cases = [
            "//evil.example.org/x": "names another host",
            "https://evil.example.org/x": "is a URL, not a path",
            "javascript:alert(1)": "is a URL, not a path",
            "/en/../../etc": "steps out of a folder with '..'",
            "/en//tens": "has an empty segment ('//')",
            "/": "is not a path",
        ]
        for (alias, reason) in cases {
            let errors = Sites.errors(Sites.site([Sites.page("tens.md", aliases: [alias])]))
            XCTAssertEqual(errors.count, 1, alias)
            XCTAssertTrue(
                errors.first?.hasPrefix("Content/en/tens.md:6:1: error: aliases: '\(alias)' \(reason)") == true,
                "\(errors)")
        }
    }
}

final class LinkResolverTests: XCTestCase {
    private func resolver() throws -> (LinkResolver, SiteGraph) {
        let graph = try SiteResolver.resolve(
            Sites.site([
                Sites.page("hub.md", id: "hub"),
                Sites.page("therapies/tens.md", id: "tens"),
                Sites.page("therapies/pns.md", id: "pns"),
                Sites.page("therapies/tens.md", locale: "es", id: "tens", slug: "tens-es"),
                Sites.page("therapies/_index.md", locale: "es", slug: "terapias"),
                Sites.page("hub.md", locale: "es", id: "hub", slug: "centro"),
            ]))
        let anchors = graph.pages.map { page -> [String] in
            switch (page.id, page.locale) {
            case ("pns", _): ["what-it-is", "risks"]
            case ("tens", "es"): ["que-es", "como-funciona"]
            case ("tens", _): ["what-it-is", "how-it-works"]
            default: []
            }
        }
        return (LinkResolver(graph: graph, headingAnchors: anchors), graph)
    }

    func testResolvesFilesIDsAndAnchorsInTheSameLocale() throws {
        let (resolver, graph) = try resolver()
        let tens = graph.pagesByID["en"]!["tens"]!
        let tensES = graph.pagesByID["es"]!["tens"]!
        XCTAssertEqual(try resolver.resolve("pns.md#risks", from: tens).get(), "/en/therapies/pns/#risks")
        XCTAssertEqual(try resolver.resolve("../hub.md", from: tens).get(), "/en/hub/")
        XCTAssertEqual(try resolver.resolve("/hub.md", from: tens).get(), "/en/hub/")
        XCTAssertEqual(try resolver.resolve("topic:hub", from: tens).get(), "/en/hub/")
        XCTAssertEqual(try resolver.resolve("../hub.md", from: tensES).get(), "/es/centro/")
        XCTAssertEqual(try resolver.resolve("topic:tens", from: tensES).get(), "/es/terapias/tens-es/")
        XCTAssertEqual(
            try resolver.resolve("pns.md#risks", from: tensES).get(), "/en/therapies/pns/#risks",
            "untranslated: the default locale's page")
        XCTAssertEqual(try resolver.resolve("topic:pns", from: tensES).get(), "/en/therapies/pns/")
    }

    /// A translation keeps its original's links; a translated heading has a translated anchor, found
    /// at the original's place.
    func testAnOriginalsAnchorFindsTheTranslatedHeadingAtItsPlace() throws {
        let (resolver, graph) = try resolver()
        let hubES = graph.pagesByID["es"]!["hub"]!
        XCTAssertEqual(
            try resolver.resolve("therapies/tens.md#how-it-works", from: hubES).get(),
            "/es/terapias/tens-es/#como-funciona")
        XCTAssertEqual(
            try resolver.resolve("therapies/tens.md#como-funciona", from: hubES).get(),
            "/es/terapias/tens-es/#como-funciona")
        if case .success(let url) = resolver.resolve("therapies/tens.md#risks", from: hubES) {
            XCTFail("an anchor neither page has resolved to \(url)")
        }
    }

    func testUnresolvedLinksExplainAndSuggest() throws {
        let (resolver, graph) = try resolver()
        let tens = graph.pagesByID["en"]!["tens"]!
        func problem(_ destination: String) -> String? {
            if case .failure(let problem) = resolver.resolve(destination, from: tens) { return problem.message }
            return nil
        }
        XCTAssertEqual(problem("tenz.md"), "link to 'tenz.md' does not resolve (did you mean 'tens.md'?)")
        XCTAssertEqual(problem("../hubb.md"), "link to '../hubb.md' does not resolve (did you mean '../hub.md'?)")
        XCTAssertEqual(problem("pns.md#risk"), "link to 'pns.md#risk' does not resolve (did you mean 'pns.md#risks'?)")
        XCTAssertEqual(
            problem("pns.md#zzzzzz"),
            "link to 'pns.md#zzzzzz' does not resolve: the page has no heading with that anchor")
        XCTAssertEqual(problem("topic:pnss"), "link to 'topic:pnss' does not resolve (did you mean 'topic:pns'?)")
        XCTAssertEqual(problem("../../../etc/passwd.md"), "link to '../../../etc/passwd.md' does not resolve")
        XCTAssertEqual(
            problem("tens/"),
            "link to 'tens/' does not resolve: a link names a page by its file ('tens.md') or id ('topic:tens'), a "
                + "file beside the page ('images/pads.png') or in Content/files/ ('/files/diary.pdf'), or a page the "
                + "site makes ('site:feed', 'site:search')")
    }

    /// `site:feed`, `site:search`: the pages the site makes, in the reader's locale.
    func testThePagesTheSiteMakesAreLinkedByName() throws {
        let graph = try SiteResolver.resolve(Sites.site([Sites.page("tens.md")]))
        let resolver = LinkResolver(graph: graph, headingAnchors: graph.pages.map { _ in [] })
        XCTAssertEqual(try resolver.generatedURL("site:feed", locale: "es").get(), "/es/feed.xml")
        XCTAssertEqual(try resolver.generatedURL("site:search", locale: "en").get(), "/en/search/")
        XCTAssertTrue(LinkDestination.isInternal("site:feed"))
        XCTAssertFalse(FileIndex.isFileReference("site:feed"))
        guard case .failure(let problem) = resolver.generatedURL("site:fed", locale: "en") else { return XCTFail() }
        XCTAssertEqual(problem.message, "link to 'site:fed' does not resolve (did you mean 'site:feed'?)")
        guard case .failure(let path) = FileIndex().file("/en/feed.xml", locale: "en", folder: []) else {
            return XCTFail()
        }
        XCTAssertTrue(path.message.hasPrefix("'/en/feed.xml' is not a file of Content/: a link names a page"))
    }

    func testWhichDestinationsAreInternal() {
        for destination in ["tens.md", "../a.md#x", "#risks", "topic:tens", "/en/x/"] {
            XCTAssertTrue(LinkDestination.isInternal(destination), destination)
        }
        for external in ["https://x.org", "mailto:a@b.c", "//cdn.example/x", "javascript:alert(1)", "a+b-c.d:x"] {
            XCTAssertFalse(LinkDestination.isInternal(external), external)
        }
        // Not a scheme: a digit or mark first, a character a scheme may not hold, or no colon.
        for path in ["1a:x", "+a:x", ":x", "a b:x", "é:x", "a/b:x", "ab", "images/a:b.png"] {
            XCTAssertTrue(LinkDestination.isInternal(path), path)
        }
    }

    func testWhichDestinationsNameFiles() {
        for file in ["images/pads.png", "../a.pdf?x=1", "/files/diary.pdf#page=2", "a.mdx", "é.png"] {
            XCTAssertTrue(FileIndex.isFileReference(file), file)
        }
        for other in [
            "tens.md", "tens.md#risks", "tens/", "#risks", "?x", "topic:tens", "site:feed", "https://x.org/a.png",
        ] {
            XCTAssertFalse(FileIndex.isFileReference(other), other)
        }
    }
}

final class SharedBlockResolverTests: XCTestCase {
    private func graph(_ blocks: [SourceBlock], required: [RequiredBlocks] = [], locales: [String] = ["en", "es"])
        -> (SiteGraph, [String])
    {
        var site = Sites.site(
            [Sites.page("_index.md"), Sites.page("therapies/_index.md"), Sites.page("therapies/tens.md")],
            locales: locales)
        site.blocks = blocks
        site.config.requiredBlocks = required
        var log = DiagnosticsLog()
        let graph = SiteResolver.resolve(site, log: &log)
        return (graph, (log.sorted + graph.warnings).map(\.description))
    }

    /// Blocks are never pages, and a translation's status is computed as a page's from its stamp.
    func testBlocksAreNodesWithTranslationStatus() throws {
        let original = SourceBlock(
            locale: "en", name: "safety/pacemaker", body: "No TENS with a pacemaker.\n",
            bodyLocation: SourceLocation(file: "Content/en/_blocks/safety/pacemaker.md", line: 1, column: 1))
        let digest = TranslationTracker.digest(of: original)
        let current = SourceBlock(
            locale: "es", name: "safety/pacemaker",
            translationOf: Located(digest, at: SourceLocation(file: "Content/es/_blocks/safety/pacemaker.md")),
            body: "No use TENS con marcapasos.\n",
            bodyLocation: SourceLocation(file: "Content/es/_blocks/safety/pacemaker.md", line: 3, column: 1))
        var stale = current
        stale.name = "urgent"
        stale.bodyLocation = SourceLocation(file: "Content/es/_blocks/urgent.md", line: 3, column: 1)
        stale.translationOf = Located(
            "000000000000", at: SourceLocation(file: "Content/es/_blocks/urgent.md", line: 2, column: 16))
        var urgent = original
        urgent.name = "urgent"
        urgent.bodyLocation = SourceLocation(file: "Content/en/_blocks/urgent.md", line: 1, column: 1)
        let (graph, messages) = self.graph([original, current, stale, urgent])
        XCTAssertFalse(graph.pages.contains { $0.source.relativePath.hasPrefix("_blocks") })
        XCTAssertEqual(graph.pages.count, self.graph([]).0.pages.count)
        let spanish = try XCTUnwrap(graph.blocksByName["es"]?["safety/pacemaker"])
        XCTAssertEqual(graph.blocks[spanish].translationStatus, .current)
        XCTAssertEqual(graph.blocks[spanish].original, graph.blocksByName["en"]?["safety/pacemaker"])
        XCTAssertEqual(graph.blocks[spanish].relativePath, "_blocks/safety/pacemaker.md")
        XCTAssertEqual(graph.blocks[graph.blocksByName["es"]!["urgent"]!].translationStatus, .stale)
        XCTAssertEqual(
            messages,
            [
                "Content/es/_blocks/urgent.md:2:16: warning: translation is stale: Content/en/_blocks/urgent.md "
                    + "changed since it was translated (run 'spinesite translations stamp "
                    + "Content/es/_blocks/urgent.md' once it is updated)"
            ])
        // The reader's locale first; a stale translation is passed over for the original.
        XCTAssertEqual(graph.block(named: "safety/pacemaker", forReader: "es"), spanish)
        XCTAssertEqual(graph.block(named: "urgent", forReader: "es"), graph.blocksByName["en"]?["urgent"])
        XCTAssertEqual(
            graph.block(named: "safety/pacemaker", forReader: "en"), graph.blocksByName["en"]?["safety/pacemaker"])
        XCTAssertNil(graph.block(named: "nothing", forReader: "es"))
    }

    func testRequiredBlocksNameBlocksAndSections() {
        let site = SourceLocation(file: "Content/site.yml", line: 5, column: 3)
        let block = SourceBlock(
            locale: "en", name: "safety/pacemaker", body: "Text.\n",
            bodyLocation: SourceLocation(file: "Content/en/_blocks/safety/pacemaker.md", line: 1, column: 1))
        let (_, messages) = graph(
            [block],
            required: [
                RequiredBlocks(
                    section: Located("therapie", at: site),
                    blocks: [
                        Located("safety/pacemakr", at: SourceLocation(file: "Content/site.yml", line: 5, column: 14))
                    ])
            ])
        XCTAssertEqual(
            messages,
            [
                "Content/site.yml:5:3: error: site.yml: requiredBlocks: no section 'therapie' in 'en' (did you mean "
                    + "'therapies'?)",
                "Content/site.yml:5:14: error: site.yml: requiredBlocks: no block 'safety/pacemakr' in "
                    + "Content/en/_blocks/ (did you mean 'safety/pacemaker'?)",
            ])
    }
}
