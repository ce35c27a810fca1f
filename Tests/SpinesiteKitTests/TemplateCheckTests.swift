import Foundation
import SiteModel
import SpinesiteKit
import TestSupport
import XCTest

/// A designer's mistakes in `Templates/` are build errors at their line, as a
/// content author's are, and the previous site stays.
final class TemplateCheckTests: XCTestCase {
    private func site(editing template: String, _ edit: (String) -> String) throws -> TemporaryFolder {
        let site = MinimalSite.make(["tens.md": MinimalSite.page(title: "TENS", body: "## Risks\n\nText.")])
        site.copy(from: Repository.templates, to: "Templates")
        _ = try SiteBuilder.build(BuildOptions(root: site.path, output: site.path + "/Site"))
        let text = try XCTUnwrap(site.read("Templates/\(template)"))
        site.write("Templates/\(template)", edit(text))
        return site
    }

    private func errors(_ site: TemporaryFolder, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        do {
            _ = try SiteBuilder.build(BuildOptions(root: site.path, output: site.path + "/Site"))
            XCTFail("build succeeded", file: file, line: line)
            return []
        } catch {
            return error.errors.map { $0.description.replacingOccurrences(of: site.path + "/", with: "") }
        }
    }

    /// Where `needle` is in the template: line and column.
    private func position(of needle: String, in site: TemporaryFolder, _ template: String) throws -> String {
        let lines = try XCTUnwrap(site.read("Templates/\(template)")).split(
            separator: "\n", omittingEmptySubsequences: false)
        let line = try XCTUnwrap(lines.firstIndex { $0.contains(needle) })
        let column =
            lines[line].distance(from: lines[line].startIndex, to: lines[line].range(of: needle)!.lowerBound) + 1
        return "\(line + 1):\(column)"
    }

    func testAMisspeltNameIsAnErrorWithASuggestion() throws {
        let site = try site(editing: "topic.mustache") {
            $0.replacingOccurrences(of: "<h1>{{page.title}}</h1>", with: "<h1>{{page.titel}}</h1>")
        }
        let at = try position(of: "{{page.titel}}", in: site, "topic.mustache")
        XCTAssertEqual(
            errors(site),
            [
                "Templates/topic.mustache:\(at): error: 'page.titel' is not a value of topic pages (did you mean "
                    + "'page.title'?)"
            ])
        XCTAssertTrue(
            try XCTUnwrap(site.read("Site/en/tens/index.html")).contains("<h1>TENS</h1>"),
            "the previous site is intact")
    }

    func testEveryMistakeOfEveryTemplateIsReported() throws {
        let site = try site(editing: "partials/notices.mustache") {
            "{{#fallbackNotice.url}}{{/fallbackNotice.url}}{{{original.title}}}\n" + $0
        }
        site.write(
            "Templates/section.mustache",
            try XCTUnwrap(site.read("Templates/section.mustache"))
                + "{{#page.title}}{{/page.title}}{{> partials/heder}}\n")
        site.write("Templates/404.mustache", "{{<base}}{{$main}}{{#languages}}\n")
        XCTAssertEqual(
            errors(site),
            [
                "Templates/404.mustache:1:19: error: 'languages' is opened here but never closed",
                "Templates/partials/notices.mustache:1:1: error: 'fallbackNotice' is optional text: it has no value "
                    + "'url' [included from Templates/home.mustache:10:1; and through 3 more templates]",
                "Templates/partials/notices.mustache:1:47: error: 'original.title' is text: {{{original.title}}} "
                    + "would insert it unescaped; write {{original.title}} [included from "
                    + "Templates/home.mustache:10:1; "
                    + "and through 3 more templates]",
                "Templates/section.mustache:25:1: error: 'page.title' is text, not a list, a flag or an optional "
                    + "value: {{#page.title}} cannot test it",
                "Templates/section.mustache:25:31: error: partial 'partials/heder' does not exist (did you mean "
                    + "'partials/header'?)",
            ])
    }
}

/// Template mistakes say how to fix them: where a string goes, which pages have a name, which
/// templates include a partial.
final class TemplateAdviceTests: XCTestCase {
    private func errors(_ site: TemporaryFolder) -> [String] {
        do {
            _ = try SiteBuilder.build(BuildOptions(root: site.path, output: site.path + "/Site"))
            XCTFail("build succeeded")
            return []
        } catch {
            return error.errors.map { $0.description.replacingOccurrences(of: site.path + "/", with: "") }
        }
    }

    private func site(_ edits: [String: (String) -> String]) throws -> TemporaryFolder {
        let site = MinimalSite.make(["tens.md": MinimalSite.page(title: "TENS", extra: "tags: [pain, nerves]\n")])
        site.copy(from: Repository.templates, to: "Templates")
        for (template, edit) in edits {
            site.write("Templates/\(template)", edit(site.read("Templates/\(template)") ?? ""))
        }
        return site
    }

    func testAStringNoLocaleHasSaysWhereToAddIt() throws {
        let site = try site(["topic.mustache": { "{{strings.tagsTitle}}\n" + $0 }])
        XCTAssertEqual(
            errors(site),
            [
                "Templates/topic.mustache:1:1: error: 'strings.tagsTitle' is not defined: no strings has the key "
                    + "'tagsTitle' (did you mean 'strings.tocTitle'?); or add `tagsTitle: \"…\"` under `strings:` in "
                    + "Content/en/locale.yml"
            ])
    }

    func testANameInASharedPartialThatSomePagesLackNamesThem() throws {
        let site = try site(["partials/header.mustache": { "{{#page.tags}}{{.}}{{/page.tags}}\n" + $0 }])
        XCTAssertEqual(
            errors(site),
            [
                "Templates/partials/header.mustache:1:1: error: 'page.tags' is not a value of every page: home "
                    + "pages, section pages, topic pages and glossary pages have it, but search pages, the 404 page, "
                    + "redirect pages and the language chooser do not. 'partials/header' is rendered for every "
                    + "kind of "
                    + "page, so it may name only what all of them have; use 'page.tags' in the templates of the pages "
                    + "that have it instead [included from Templates/base.mustache:9:1, from "
                    + "Templates/home.mustache:1:1; "
                    + "and through 7 more templates]"
            ])
    }

    func testAMistakeInAPartialNamesTheTemplatesThatIncludeIt() throws {
        let site = try site([
            "partials/tags.mustache": { _ in "{{#page.tags}}{{.}}{{/page.tags}}\n" },
            "base.mustache": {
                $0.replacingOccurrences(of: "{{$main}}{{/main}}", with: "{{$main}}{{/main}}{{> partials/tags}}")
            },
        ])
        let found = errors(site)
        XCTAssertTrue(
            found.contains(
                "Templates/partials/tags.mustache:1:1: error: 'page.tags' is not a value of redirect pages [included "
                    + "from Templates/base.mustache:11:19, from Templates/redirect.mustache:1:1]"), "\(found)")
        XCTAssertEqual(found.count, 4, "search, 404, redirect and the language chooser: \(found)")
    }

    func testAWrapperAroundTagsShowsOnlyWhenThePageHasTags() throws {
        let list =
            "{{#page.hasTags}}<ul class=\"tags\">{{#page.tags}}<li>{{.}}</li>{{/page.tags}}</ul>{{/page.hasTags}}"
        let site = try site(["topic.mustache": { $0.replacingOccurrences(of: "{{{page.content}}}", with: list) }])
        site.write("Content/en/pns.md", MinimalSite.page(title: "PNS"))
        _ = try SiteBuilder.build(BuildOptions(root: site.path, output: site.path + "/Site"))
        XCTAssertTrue(
            try XCTUnwrap(site.read("Site/en/tens/index.html")).contains(
                "<ul class=\"tags\"><li>pain</li><li>nerves</li></ul>"))
        XCTAssertFalse(try XCTUnwrap(site.read("Site/en/pns/index.html")).contains("<ul class=\"tags\">"))
    }
}

/// The template guide's list of names (docs/templates.md) is the one the checker uses.
final class TemplateGuideTests: XCTestCase {
    func testTheTemplateGuideListsEveryNameTheTemplatesMayUse() throws {
        let printed = try SpinesiteCommand.run(["templates", "--names"], in: Repository.root)
        XCTAssertEqual(printed.status, 0, printed.stderr)
        let guide = try String(
            contentsOf: Repository.root.appendingPathComponent("docs/templates.md"), encoding: .utf8)
        let start = try XCTUnwrap(guide.range(of: "<!-- template-names:start -->\n"))
        let end = try XCTUnwrap(guide.range(of: "<!-- template-names:end -->"))
        XCTAssertEqual(
            String(guide[start.upperBound..<end.lowerBound]), printed.stdout,
            "docs/templates.md is out of date: paste `spinesite templates --names` between its template-names markers")
        for name in ["isSubheading", "breadcrumbs", "related", "otherLanguage", "searchIndexURL", "defaultHome"] {
            XCTAssertTrue(printed.stdout.contains("`\(name)`"), "\(name) is listed")
        }
    }
}
