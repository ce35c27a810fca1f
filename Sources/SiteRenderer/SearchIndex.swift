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
    struct Entry {
        var title: String
        var description: String
        var url: String
        var section: String
        var headings: [String]
    }

    static func json(locale tag: String, graph: SiteGraph, headings: [[Heading]]) -> Data {
        var entries: [Entry] = []
        for (index, page) in graph.pages.enumerated() where page.locale == tag && page.source.kind != .home {
            entries.append(Entry(
                title: page.title, description: page.source.frontMatter.description, url: page.url,
                section: page.parent.map { graph.pages[$0].source.kind == .home ? "" : graph.pages[$0].title } ?? "",
                headings: page.id == GlossaryPages.id ? [] : headings[index].filter { (2...3).contains($0.level) }.map(\.text)
            ))
        }
        if let locale = graph.locales[tag], let glossary = graph.pagesByID[tag]?[GlossaryPages.id] {
            // Terms come from the glossary page's content language (a borrowed page's original).
            let terms = graph.contentLocale(of: graph.pages[glossary]).glossary
            for (term, heading) in zip(terms, headings[glossary]) {
                entries.append(Entry(title: term.term, description: term.definition, url: graph.pages[glossary].url + "#" + heading.anchor, section: graph.pages[glossary].title, headings: []))
            }
        }
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (number, entry) in entries.enumerated() {
            if number > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes += Array(#"{"description":"#.utf8)
            appendString(entry.description, to: &bytes)
            bytes += Array(#","headings":["#.utf8)
            for (position, heading) in entry.headings.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                appendString(heading, to: &bytes)
            }
            bytes += Array(#"],"section":"#.utf8)
            appendString(entry.section, to: &bytes)
            bytes += Array(#","title":"#.utf8)
            appendString(entry.title, to: &bytes)
            bytes += Array(#","url":"#.utf8)
            appendString(entry.url, to: &bytes)
            bytes.append(UInt8(ascii: "}"))
        }
        bytes.append(UInt8(ascii: "]"))
        return Data(bytes)
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
