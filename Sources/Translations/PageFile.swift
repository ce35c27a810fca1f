import Foundation
import SiteModel
import SiteResolver

/// The pages of a site by their own source file, as a command line names it (relative or absolute).
/// Borrowed copies share their original's file and are never the answer.
struct PageFiles {
    private let indexes: [String: Int]

    init(_ graph: SiteGraph) {
        indexes = Dictionary(
            graph.pages.indices.filter { !graph.pages[$0].isFallback }.map {
                (Self.key(graph.pages[$0].source.file), $0)
            },
            uniquingKeysWith: { first, _ in first })
    }

    /// The index of the page whose own source is `file`; nil for a file that is no page of the site.
    func index(ofFile file: String) -> Int? { indexes[Self.key(file)] }

    private static func key(_ file: String) -> String { URL(fileURLWithPath: file).standardizedFileURL.path }
}

/// The translated shared blocks of a site by their file, with their originals as page values.
struct BlockFiles {
    /// A translated block, with its original as a page value.
    struct Translation {
        var block: BlockNode
        var original: SourcePage
    }

    private let translations: [String: Translation]

    init(_ graph: SiteGraph) {
        var translations: [String: Translation] = [:]
        for block in graph.blocks {
            guard let original = block.original else { continue }
            translations[Self.key(block.source.file)] = Translation(
                block: block, original: SharedBlockText.page(graph.blocks[original].source))
        }
        self.translations = translations
    }

    /// The translated block whose file is `file`, with its original; nil for any other file.
    func translation(_ file: String) -> Translation? { translations[Self.key(file)] }

    private static func key(_ file: String) -> String { URL(fileURLWithPath: file).standardizedFileURL.path }
}

extension SourcePage {
    /// The front matter of `fileText`, this page's file as read: its bytes before the body, fences
    /// included; nil when the text does not end with this page's body.
    func frontMatter(in fileText: String) -> String? {
        guard fileText.hasSuffix(body) else { return nil }
        return String(decoding: Array(fileText.utf8).dropLast(body.utf8.count), as: UTF8.self)
    }
}
