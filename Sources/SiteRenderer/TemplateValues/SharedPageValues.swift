import TemplateEngine

// SharedPageValues and PageHead are declared in SharedPageValues.records.

extension SharedPageValues: HasPageFrame {
    /// The partials compiled against these values instead of each page kind's.
    static let partials = SharedPartials(
        names: ["partials/head", "partials/header"], shape: .object(.of(SharedPageValues.self))
    ) { root in
        guard case .object(let page as any FramedPage) = root else { return .none }
        return .object(page.sharedValues)
    }
}
