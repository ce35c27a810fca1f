/// A locale's search index as its search page names it: the path of the index's meta file
/// (`assets/search/en/meta.3f2a9c1b.json`), which names every other part.
public struct SearchIndexFile: Sendable, Equatable {
    public var locale: String
    public var path: String

    public init(locale: String, path: String) {
        self.locale = locale
        self.path = path
    }
}
