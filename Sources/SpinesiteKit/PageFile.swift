import Foundation
import SiteModel
import SiteResolver

extension SiteGraph {
    /// The index of the page whose own source is `file` (as a command line names it, relative or
    /// absolute); nil for a file that is no page of the site. Borrowed copies share their original's
    /// file and are never the answer.
    func pageIndex(ofFile file: String) -> Int? {
        let wanted = URL(fileURLWithPath: file).standardizedFileURL.path
        return pages.firstIndex {
            !$0.isFallback && URL(fileURLWithPath: $0.source.file).standardizedFileURL.path == wanted
        }
    }
}

extension SourcePage {
    /// The front matter of `fileText`, this page's file as read: its bytes before the body, fences
    /// included; nil when the text does not end with this page's body.
    func frontMatter(in fileText: String) -> String? {
        guard fileText.hasSuffix(body) else { return nil }
        return String(decoding: Array(fileText.utf8).dropLast(body.utf8.count), as: UTF8.self)
    }
}
