public import CommonMark
import Foundation
public import Readability
import SiteSupport
import SiteWideOutputs

/// Everything a conversion reads: the body, the language its reading level
/// is scored in, and the locale's Markdown options. Conversions are kept in
/// memory only (`RenderedSite.markdown.conversions`), so the body itself is the key, hashed and compared as UTF-8
/// bytes:
/// String's own hashing normalises Unicode first, which cost more than the
/// conversion it saved.
public struct ConversionInput: Hashable, Sendable {
    var body: String
    var language: String
    var options: Fingerprint

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.options == rhs.options && sameBytes(lhs.language, rhs.language) && sameBytes(lhs.body, rhs.body)
    }

    private static func sameBytes(_ lhs: String, _ rhs: String) -> Bool {
        var lhs = lhs
        var rhs = rhs
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                left.count == right.count
                    && (left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0)
            }
        }
    }

    /// The body's length and its first and last bytes: bodies that share
    /// all three are rare, and `==` compares them whole anyway. Hashing every
    /// byte of every page twice per build cost more than the lookup saved.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(options)
        var body = body
        var language = language
        language.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        body.withUTF8 { bytes in
            hasher.combine(bytes.count)
            hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes.prefix(128))))
            hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes.suffix(128))))
        }
    }
}

/// One page's Markdown as converted, before links are resolved.
public struct MarkdownConversion: Sendable, Equatable {
    public var rendered: RenderedMarkdown
    public var words: Int
    /// nil: a language without a formula, or no sentences.
    public var level: ReadingLevel?

    public init(rendered: RenderedMarkdown, words: Int, level: ReadingLevel?) {
        self.rendered = rendered
        self.words = words
        self.level = level
    }

    var stats: ProseStats { .init(words: words, level: level) }
}
