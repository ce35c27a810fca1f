import CommonMark
import Foundation
import SiteModel
import SiteResolver

/// Each locale's search index: every page's title, description, section and
/// headings, and every glossary term, for the search page's script to search
/// offline. One JSON file per locale, content-hashed like the other assets.
/// Written by hand, keys sorted, escaped as JSONEncoder escapes (it was a
/// tenth of a build's time).
enum SearchIndex {
    /// Each page's description and headings as JSON members, made once per
    /// page with content of its own: a borrowed copy's entry reuses its
    /// original's (`"description":…,"headings":[…]`).
    struct ContentMembers {
        fileprivate let bytes: [[UInt8]]

        init(_ graph: SiteGraph, headings: [[Heading]]) {
            bytes = graph.pages.indices.map { index in
                let page = graph.pages[index]
                guard page.fallbackOf == nil, page.source.kind != .home else { return [] }
                let shown =
                    page.id == GlossaryPages.id
                    ? [] : headings[index].filter { (2...3).contains($0.level) }.map(\.text)
                return SearchIndex.members(description: page.source.frontMatter.description, headings: shown)
            }
        }

        fileprivate subscript(_ page: Int, in graph: SiteGraph) -> [UInt8] {
            bytes[graph.pages[page].fallbackOf ?? page]
        }
    }

    static func json(locale tag: String, graph: SiteGraph, headings: [[Heading]], members: ContentMembers) -> Data {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        func append(_ content: [UInt8], section: String, title: String, url: String) {
            if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "{"))
            bytes += content
            bytes += Array(#","section":"#.utf8)
            appendString(section, to: &bytes)
            bytes += Array(#","title":"#.utf8)
            appendString(title, to: &bytes)
            bytes += Array(#","url":"#.utf8)
            appendString(url, to: &bytes)
            bytes.append(UInt8(ascii: "}"))
        }
        for (index, page) in graph.pages.enumerated() where page.locale == tag && page.source.kind != .home {
            let section = page.parent.map { graph.pages[$0].source.kind == .home ? "" : graph.pages[$0].title } ?? ""
            append(members[index, in: graph], section: section, title: page.title, url: page.url)
        }
        if let glossary = graph.pagesByID[tag]?[GlossaryPages.id] {
            // Terms come from the glossary page's content language (a borrowed page's original).
            let terms = graph.contentLocale(of: graph.pages[glossary]).glossary
            for (term, heading) in zip(terms, headings[glossary]) {
                append(
                    Self.members(description: term.definition, headings: []), section: graph.pages[glossary].title,
                    title: term.term, url: graph.pages[glossary].url + "#" + heading.anchor
                )
            }
        }
        bytes.append(UInt8(ascii: "]"))
        return Data(bytes)
    }

    /// `"description":…,"headings":[…]`: keys sorted, as JSONEncoder sorts them.
    private static func members(description: String, headings: [String]) -> [UInt8] {
        var bytes = Array(#""description":"#.utf8)
        appendString(description, to: &bytes)
        bytes += Array(#","headings":["#.utf8)
        for (position, heading) in headings.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            appendString(heading, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        return bytes
    }

    /// A JSON string as JSONEncoder writes one: quote, backslash and control
    /// characters escaped, everything else as it is.
    static func appendString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x08: bytes += Array(#"\b"#.utf8)
            case 0x09: bytes += Array(#"\t"#.utf8)
            case 0x0A: bytes += Array(#"\n"#.utf8)
            case 0x0C: bytes += Array(#"\f"#.utf8)
            case 0x0D: bytes += Array(#"\r"#.utf8)
            case 0..<0x20: bytes += Array("\\u00".utf8) + [hexDigit(byte >> 4), hexDigit(byte & 0xF)]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    /// `assets/search-es.3f2a9c1b.json`.
    static func path(locale tag: String, contents: Data) -> String {
        "assets/search-\(tag).\(Theme.contentHash(contents)).json"
    }
}
