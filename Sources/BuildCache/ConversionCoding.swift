import CommonMark
import Readability
import SiteRenderer

/// `MarkdownConversion` in the cache's binary form. The texts the renderer
/// drops after scoring (`plainText`, `proseText`) are not kept.
extension ByteWriter {
    mutating func write(_ conversion: MarkdownConversion) {
        let rendered = conversion.rendered
        write(rendered.html)
        write(rendered.holes) { writer, hole in
            writer.write(hole.offset)
            switch hole.kind {
            case .link(let index): writer.write(0); writer.write(index)
            case .embed(let index): writer.write(1); writer.write(index)
            case .termStart(let index): writer.write(2); writer.write(index)
            case .termEnd(let index): writer.write(3); writer.write(index)
            case .citation(let index): writer.write(4); writer.write(index)
            }
        }
        write(rendered.headings) { writer, heading in
            writer.write(heading.level)
            writer.write(heading.text)
            writer.write(heading.anchor)
            writer.write(heading.position)
        }
        write(rendered.internalLinks) { writer, link in
            writer.write(link.destination)
            writer.write(link.position)
        }
        write(rendered.images) { writer, image in
            writer.write(image.source)
            writer.write(image.altText)
            writer.write(image.position)
        }
        write(rendered.embeds) { writer, embed in
            writer.write(embed.language)
            writer.write(embed.source)
            writer.write(embed.position)
        }
        write(rendered.externalLinks) { writer, link in writer.write(link) }
        write(rendered.termUses) { writer, use in writer.write(use) }
        write(rendered.citations) { writer, citation in
            writer.write(citation.keys) { writer, key in writer.write(key) }
            writer.write(citation.position)
        }
        write(conversion.words)
        switch conversion.level {
        case nil: write(0)
        case .fleschKincaidGrade(let grade): write(1); write(grade)
        case .fernandezHuerta(let ease): write(2); write(ease)
        }
    }

    mutating func write(_ position: SourcePosition) {
        write(position.line)
        write(position.column)
    }
}

extension ByteReader {
    mutating func conversion() throws(CacheCorrupt) -> MarkdownConversion {
        let html = try string()
        let holes = try array { reader throws(CacheCorrupt) in
            let offset = try reader.int()
            let kind: Hole.Kind
            switch (try reader.int(), try reader.int()) {
            case (0, let index): kind = .link(index)
            case (1, let index): kind = .embed(index)
            case (2, let index): kind = .termStart(index)
            case (3, let index): kind = .termEnd(index)
            case (4, let index): kind = .citation(index)
            default: throw CacheCorrupt()
            }
            return Hole(offset: offset, kind: kind)
        }
        let headings = try array { reader throws(CacheCorrupt) in
            Heading(level: try reader.int(), text: try reader.string(), anchor: try reader.string(), position: try reader.position())
        }
        let links = try array { reader throws(CacheCorrupt) in
            InternalLink(destination: try reader.string(), position: try reader.position())
        }
        let images = try array { reader throws(CacheCorrupt) in
            Image(source: try reader.string(), altText: try reader.string(), position: try reader.position())
        }
        let embeds = try array { reader throws(CacheCorrupt) in
            Embed(language: try reader.string(), source: try reader.string(), position: try reader.position())
        }
        let externalLinks = try array { reader throws(CacheCorrupt) in try reader.string() }
        let termUses = try array { reader throws(CacheCorrupt) in try reader.int() }
        let citations = try array { reader throws(CacheCorrupt) in
            Citation(keys: try reader.array { reader throws(CacheCorrupt) in try reader.string() }, position: try reader.position())
        }
        let words = try int()
        let level: ReadingLevel?
        switch try int() {
        case 0: level = nil
        case 1: level = .fleschKincaidGrade(try double())
        case 2: level = .fernandezHuerta(try double())
        default: throw CacheCorrupt()
        }
        let rendered = RenderedMarkdown(
            html: html, holes: holes, headings: headings, internalLinks: links, images: images, plainText: "",
            embeds: embeds, externalLinks: externalLinks, termUses: termUses, citations: citations
        )
        return MarkdownConversion(rendered: rendered, words: words, level: level)
    }

    mutating func position() throws(CacheCorrupt) -> SourcePosition {
        SourcePosition(line: try int(), column: try int())
    }
}
