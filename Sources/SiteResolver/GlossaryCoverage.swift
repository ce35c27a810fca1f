public import SiteModel

/// The terms of the default locale's glossary that a locale's own `glossary.yml` lacks: in those
/// terms' place the locale's pages mark nothing and its glossary page says nothing, quietly. One
/// warning per locale, at its glossary file, names them.
public enum GlossaryCoverage {
    /// How many missing terms a warning names before it says how many more there are.
    static let named = 10

    static func check(_ graph: inout SiteGraph) {
        let defaultLocale = graph.config.defaultLocale
        guard let terms = graph.locales[defaultLocale]?.glossary, !terms.isEmpty else { return }
        for locale in graph.locales where locale.tag != defaultLocale {
            // A locale without glossary.yml borrows a glossary whole, along its fallback chain.
            guard let file = locale.glossary.first?.location.file else { continue }
            let own = Set(locale.glossary.map(\.id))
            let missing = terms.map(\.id).filter { !own.contains($0) }
            guard !missing.isEmpty else { continue }
            graph.missingGlossaryTerms[locale.tag] = missing
            let listed =
                missing.prefix(named).joined(separator: ", ")
                + (missing.count > named ? " and \(missing.count - named) more" : "")
            graph.warnings.append(
                .warning(
                    SourceLocation(file: file, line: 1, column: 1),
                    "the glossary lacks \(missing.count) of the \(terms.count) terms of '\(defaultLocale)': "
                        + "\(listed); pages in '\(locale.tag)' mark none of them (translate them, e.g. with "
                        + "'spinesite translations export --locale \(locale.tag)')"))
        }
    }
}
