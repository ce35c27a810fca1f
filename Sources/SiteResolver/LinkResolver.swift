import Foundation
import SiteModel
import SiteSupport

/// Which link destinations spinesite resolves: page files (`tens.md`), ids
/// (`topic:tens`) and anchors (`#risks`). Anything with a URI scheme or `//`
/// is external and left to cmark-gfm.
public enum LinkDestination {
    public static let idScheme = "topic:"
    /// `site:feed`, `site:search`: a page the site makes, in the reader's locale.
    public static let generatedScheme = "site:"

    /// What `site:NAME` leads to in a locale, under the site's base path: `feed` (the locale's Atom
    /// feed), `search` (its search page). The glossary is a page with an id: `topic:glossary`.
    public static let generatedPages: [String: @Sendable (String) -> String] = [
        "feed": { "\($0)/feed.xml" },
        "search": { "\($0)/search/" },
    ]

    /// What a link may name, for messages about one that names nothing.
    public static let forms =
        "a link names a page by its file ('tens.md') or id ('topic:tens'), a file beside the page "
        + "('images/pads.png') or in Content/files/ ('/files/diary.pdf'), or a page the site makes ('site:feed', "
        + "'site:search')"

    public static func isInternal(_ destination: String) -> Bool {
        if destination.hasPrefix(idScheme) || destination.hasPrefix(generatedScheme) { return true }
        if destination.hasPrefix("//") { return false }
        return !hasScheme(destination)
    }

    /// An ASCII letter, then ASCII letters, digits, `+`, `-` or `.`, up to a `:`. Read on bytes:
    /// it runs for every link of every page.
    static func hasScheme(_ destination: String) -> Bool {
        for (offset, byte) in destination.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if offset == 0 { return false }
            case UInt8(ascii: ":"): return offset > 0
            default: return false
            }
        }
        return false
    }
}

/// Resolves internal links of one page to URLs in the page's own locale.
public struct LinkResolver: Sendable {
    /// Heading anchors per page index (from rendering), in document order, for `#fragment` checks: a
    /// translation's heading is its original's at the same place. A page has a dozen or so.
    private let orderedAnchors: [[String]]
    private let originals: [Int?]
    // What links need of the graph, copied out of it: holding the graph would
    // make the preview's next edit to it copy every page (see `BodyEdit`).
    private let pagesByID: [String: [String: Int]]
    private let pagesBySourcePath: [String: [String: Int]]
    private let defaultLocale: String
    private let locales: [String]
    private let sourcePaths: [String]
    private let urls: [String]
    private let ids: [String]
    private let leftOut: LeftOutPages
    private let basePath: String

    /// `headingAnchors`: each page's heading anchors, in document order.
    public init(graph: SiteGraph, headingAnchors: [[String]]) {
        orderedAnchors = headingAnchors
        originals = graph.pages.map(\.original)
        pagesByID = graph.pagesByID
        pagesBySourcePath = graph.pagesBySourcePath
        defaultLocale = graph.config.defaultLocale
        locales = graph.pages.map(\.locale)
        sourcePaths = graph.pages.map(\.source.relativePath)
        urls = graph.pages.map(\.url)
        ids = graph.pages.map(\.id)
        leftOut = graph.leftOut
        basePath = graph.config.basePath
    }

    /// `page` if its own errors left it out: a link to it, even one that a borrowed copy could take,
    /// is checked once those are fixed (its headings are not known before).
    private func brokenPage(_ page: LeftOutPage?) -> LeftOutPage? {
        page?.reason == .hasErrors ? page : nil
    }

    /// Where a link leads: a page and, maybe, a heading on it.
    public struct Target: Sendable, Equatable {
        public var page: Int
        public var fragment: String?
    }

    /// The URL to write for `destination` on page `from`, or why there is none.
    public func resolve(_ destination: String, from source: Int) -> Result<String, LinkProblem> {
        target(destination, from: source).map { url(of: $0, on: source) }
    }

    /// The URL of `target` on page `page`.
    public func url(of target: Target, on page: Int) -> String {
        let suffix = target.fragment.map { "#\($0)" } ?? ""
        return target.page == page && target.fragment != nil ? suffix : urls[target.page] + suffix
    }

    /// `target`, found on a page, as a borrowed copy of that page in
    /// `locale` should link to it: the same page in the copy's locale (a
    /// translation, or another borrowed copy), at the same heading if that
    /// page has it, else at its top.
    public func target(_ target: Target, inLocale locale: String) -> Target {
        guard locales[target.page] != locale, let local = pagesByID[locale]?[ids[target.page]] else { return target }
        return Target(page: local, fragment: target.fragment.flatMap { anchor($0, on: local) })
    }

    /// `fragment` on page `index`: itself when the page has that heading; on a translation, the
    /// anchor of the heading where its original has `fragment`. A translated heading has a translated
    /// anchor, so a link kept from the original (`pnt.md#what-the-evidence-says`) still finds it,
    /// as long as the translation has the original's headings, in order.
    func anchor(_ fragment: String, on index: Int) -> String? {
        if orderedAnchors[index].contains(fragment) { return fragment }
        guard let original = originals[index], original != index,
            let position = orderedAnchors[original].firstIndex(of: fragment),
            orderedAnchors[original].count == orderedAnchors[index].count
        else { return nil }
        return orderedAnchors[index][position]
    }

    /// The URL of `site:NAME` in `locale`, or why there is none.
    public func generatedURL(_ destination: String, locale: String) -> Result<String, LinkProblem> {
        Self.generated(destination, locale: locale).map { basePath + $0 }
    }

    /// The path under the base path of `site:NAME` in `locale`, or why there is none.
    public static func generated(_ destination: String, locale: String) -> Result<String, LinkProblem> {
        let name = String(destination.dropFirst(LinkDestination.generatedScheme.count))
        if let path = LinkDestination.generatedPages[name] { return .success(path(locale)) }
        let names = LinkDestination.generatedPages.keys.sorted()
        if name == GlossaryPages.id {
            return .failure(LinkProblem(destination, suggestion: LinkDestination.idScheme + GlossaryPages.id))
        }
        let suggestion = Suggestion.closest(to: name, in: names).map { LinkDestination.generatedScheme + $0 }
        let made =
            "the site makes " + names.map { "'\(LinkDestination.generatedScheme)\($0)'" }.joined(separator: " and ")
        return .failure(LinkProblem(destination, suggestion: suggestion, advice: suggestion == nil ? made : nil))
    }

    /// The page and heading `destination` names from page `source`, or why there is none.
    /// - Parameter folder: the folder a relative file link is read from (a shared block's, for a
    ///   link written in it); nil: the page's own.
    public func target(_ destination: String, from source: Int, relativeTo folder: [String]? = nil) -> Result<
        Target, LinkProblem
    > {
        let locale = locales[source]
        let parts = DestinationParts(destination)
        let target = parts.target
        let fragment = parts.fragment
        let targetIndex: Int
        if target.isEmpty {
            targetIndex = source
        } else if target.hasPrefix(LinkDestination.idScheme) {
            let id = String(target.dropFirst(LinkDestination.idScheme.count))
            let ids = pagesByID[locale] ?? [:]
            if let broken = brokenPage(leftOut.page(id: id, in: locale, fallback: locale)) {
                return .failure(LinkProblem(destination, leftOut: broken))
            }
            guard let found = ids[id] ?? untranslated(pagesByID, id, from: locale) else {
                if let page = leftOut.page(id: id, in: locale, fallback: defaultLocale) {
                    return .failure(LinkProblem(destination, leftOut: page))
                }
                let drafts = leftOut.drafts(in: locale)
                let hint = Suggestion.closestID(to: id, in: Array(ids.keys) + drafts.map(\.id))
                return .failure(
                    LinkProblem(
                        destination, suggestion: hint.map { LinkDestination.idScheme + $0 },
                        advice: hint.flatMap { hint in drafts.first { $0.id == hint && ids[hint] == nil }?.advice }))
            }
            targetIndex = found
        } else if target.hasSuffix(".md") {
            let paths = pagesBySourcePath[locale] ?? [:]
            let folder = folder ?? PathSegments.of(sourcePaths[source]).dropLast().map(String.init)
            let path = Self.normalise(target, relativeTo: folder)
            if let path, let broken = brokenPage(leftOut.page(path: path, in: locale, fallback: locale)) {
                return .failure(LinkProblem(destination, leftOut: broken))
            }
            guard let path, let found = paths[path] ?? untranslated(pagesBySourcePath, path, from: locale) else {
                let wanted = path ?? target
                if let path, let page = leftOut.page(path: path, in: locale, fallback: defaultLocale) {
                    return .failure(LinkProblem(destination, leftOut: page))
                }
                // Drafts too, so a typo in a link to one says what it is.
                let drafts = leftOut.drafts(in: locale)
                let hint = Suggestion.closest(to: wanted, in: Array(paths.keys) + drafts.map(\.relativePath))
                let draft = hint.flatMap { hint in drafts.first { $0.relativePath == hint && paths[hint] == nil } }
                return .failure(
                    LinkProblem(
                        destination, suggestion: hint.map { Self.relative($0, from: folder) }, advice: draft?.advice))
            }
            targetIndex = found
        } else {
            return .failure(
                LinkProblem(
                    destination, suggestion: nil, advice: LinkDestination.forms))
        }
        guard let fragment else { return .success(Target(page: targetIndex, fragment: nil)) }
        guard let anchor = anchor(fragment, on: targetIndex) else {
            let hint = Suggestion.closest(to: fragment, in: orderedAnchors[targetIndex]).map { "\(target)#\($0)" }
            return .failure(
                LinkProblem(
                    destination, suggestion: hint,
                    advice: hint == nil ? "the page has no heading with that anchor" : nil))
        }
        return .success(Target(page: targetIndex, fragment: anchor))
    }

    /// A page not translated into the linking page's locale yet: the default
    /// locale's version, so translators can publish one page at a time.
    private func untranslated(_ table: [String: [String: Int]], _ key: String, from locale: String) -> Int? {
        guard locale != defaultLocale else { return nil }
        return table[defaultLocale]?[key]
    }

    /// A link destination split at its first `#`: `pns.md#risks` → `pns.md` and `risks`.
    struct DestinationParts {
        /// What it names (a file, `topic:ID`); empty for the linking page itself (`#risks`).
        let target: String
        /// The heading anchor after the `#`; nil without one.
        let fragment: String?

        init(_ destination: String) {
            guard let hash = destination.utf8.firstIndex(of: UInt8(ascii: "#")) else {
                target = destination
                fragment = nil
                return
            }
            target = String(destination[..<hash])
            fragment = String(destination[destination.utf8.index(after: hash)...])
        }
    }

    /// `../therapies/pns.md` from folder `["guides"]` → `therapies/pns.md`;
    /// `/x.md` is from the locale root. Nil when it climbs out of the locale.
    static func normalise(_ target: String, relativeTo folder: [String]) -> String? {
        var parts = target.hasPrefix("/") ? [] : folder
        for segment in PathSegments.of(target) {
            switch segment {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            // `[x](back%20pain.md)`: a file name with a space, written as a URL.
            default:
                // Decoded only with a `%`: Foundation's decoding bridges through NSString, and ran
                // for every segment of every link.
                let isEncoded = segment.utf8.contains(UInt8(ascii: "%"))
                parts.append(isEncoded ? segment.removingPercentEncoding ?? String(segment) : String(segment))
            }
        }
        return parts.joined(separator: "/")
    }

    /// How to write `path` (locale-relative) as a link from `folder`.
    static func relative(_ path: String, from folder: [String]) -> String {
        let target = path.split(separator: "/").map(String.init)
        var common = 0
        while common < folder.count, common < target.count - 1, folder[common] == target[common] { common += 1 }
        let ups = Array(repeating: "..", count: folder.count - common)
        return (ups + target[common...]).joined(separator: "/")
    }
}

public struct LinkProblem: Error, Sendable, Equatable {
    public var message: String
    /// The link leads to a page whose own errors left it out: those are reported, this is not.
    public var followsFromAnotherError = false

    init(_ destination: String, leftOut page: LeftOutPage) {
        self.init(destination, suggestion: nil, advice: page.advice)
        followsFromAnotherError = page.reason == .hasErrors
    }

    init(_ destination: String, suggestion: String?, advice: String? = nil) {
        var message = "link to '\(destination)' does not resolve"
        if let suggestion {
            // With a suggestion, advice is about the page suggested (a draft).
            message += " (did you mean '\(suggestion)'?" + (advice.map { " \($0)" } ?? "") + ")"
        } else if let advice {
            message += ": \(advice)"
        }
        self.message = message
    }
}
