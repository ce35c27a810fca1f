import CommonMark
import Readability
import SiteModel
import SiteResolver
import SiteWideOutputs

/// Warns about topic pages harder to read than their language's target
/// (`site.yml` `readingTargets`, else grade 8 / ease 60). Languages without a
/// validated formula are not scored.
enum ReadingLevelCheck {
    /// The stats of one page's running text, in its language.
    static func stats(_ prose: String, language: String) -> ProseStats {
        ReadingLevel.measure(prose, language: language)
    }

    /// The warning for `page`, if it is a topic harder to read than its language's target.
    static func diagnostic(_ page: PageNode, stats: ProseStats?, config: SiteConfig) -> Diagnostic? {
        guard page.source.kind == .topic, !page.isFallback, !page.source.isSynthesized else { return nil }
        let language = page.locale
        guard let target = config.readingTargets[language] ?? ReadingLevel.defaultTarget(language: language),
            let level = stats?.level, !level.meets(target)
        else { return nil }
        let goal: String
        if case .fernandezHuerta = level {
            goal = "\(Int(target)) or higher"
        } else {
            goal = "\(Int(target)) or lower"
        }
        return .warning(
            SourceLocation(file: page.source.file, line: 1, column: 1),
            "reading level: \(level.description), target \(goal); shorter sentences and everyday words help"
        )
    }
}
