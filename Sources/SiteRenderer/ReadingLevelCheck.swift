import CommonMark
import Readability
import SiteModel
import SiteResolver

/// Warns about topic pages harder to read than their language's target
/// (`site.yml` `readingTargets`, else grade 8 / ease 60). Languages without a
/// validated formula are not scored.
enum ReadingLevelCheck {
    static func diagnostics(_ graph: SiteGraph, converted: [RenderedMarkdown]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (index, page) in graph.pages.enumerated() where page.source.kind == .topic && !page.isFallback && !page.source.isSynthesized {
            let language = page.locale
            guard let target = graph.config.readingTargets[language] ?? ReadingLevel.defaultTarget(language: language),
                  let level = ReadingLevel.score(converted[index].proseText, language: language),
                  !level.meets(target) else { continue }
            let goal: String
            if case .fernandezHuerta = level { goal = "\(Int(target)) or higher" } else { goal = "\(Int(target)) or lower" }
            diagnostics.append(.warning(
                SourceLocation(file: page.source.file, line: 1, column: 1),
                "reading level: \(level.description), target \(goal); shorter sentences and everyday words help"
            ))
        }
        return diagnostics
    }
}
