public import SiteModel

/// When each page was clinically reviewed and is due again. A translation
/// without its own review shows its original's (the content it translates);
/// a borrowed page shows the review of the page it borrows.
public enum ReviewSchedule {
    public struct Entry: Sendable, Hashable {
        public var reviewed: CalendarDate
        public var reviewedBy: String
        public var nextReview: CalendarDate
    }

    public static func entry(for index: Int, in graph: SiteGraph) -> Entry? {
        let source = graph.pages[index].fallbackOf ?? index
        guard
            let review = graph.pages[source].source.frontMatter.review
                ?? graph.pages[source].original.flatMap({ graph.pages[$0].source.frontMatter.review })
        else { return nil }
        return Entry(
            reviewed: review.reviewed.value, reviewedBy: review.reviewedBy,
            nextReview: nextReview(review, graph: graph))
    }

    /// `nextReview`, else the site's review interval after `reviewed`.
    static func nextReview(_ review: FrontMatter.Review, graph: SiteGraph) -> CalendarDate {
        review.nextReview?.value ?? review.reviewed.value.adding(months: graph.config.reviewIntervalMonths)
    }

    /// Warnings for the content team: topic pages of the default locale with no
    /// review, and every page whose review is due before `today`.
    public static func diagnostics(_ graph: SiteGraph, today: CalendarDate) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (index, page) in graph.pages.enumerated()
        where page.source.kind == .topic && !page.isFallback && !page.source.isSynthesized {
            let start = SourceLocation(file: page.source.file, line: 1, column: 1)
            if let review = page.source.frontMatter.review {
                let next = nextReview(review, graph: graph)
                if next < today {
                    diagnostics.append(
                        .warning(
                            review.nextReview?.location ?? review.reviewed.location,
                            "clinical review overdue: next review was due \(next) (reviewed "
                                + "\(review.reviewed.value) by \(review.reviewedBy))"
                        ))
                }
            } else if page.locale == graph.config.defaultLocale, entry(for: index, in: graph) == nil {
                diagnostics.append(
                    .warning(
                        start,
                        "no clinical review recorded: add 'reviewed: YYYY-MM-DD' and 'reviewedBy' to the front "
                            + "matter once a clinician has reviewed the page"
                    ))
            }
        }
        return diagnostics
    }
}
