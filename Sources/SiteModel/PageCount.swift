/// How many pages a locale published in a build.
public struct PageCount: Sendable, Equatable {
    public var locale: String
    public var pages: Int

    public init(locale: String, pages: Int) {
        self.locale = locale
        self.pages = pages
    }
}
