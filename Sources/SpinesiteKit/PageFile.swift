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
