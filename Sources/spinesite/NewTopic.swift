import ArgumentParser
import CommandOptions
import SiteModel
import SiteResolver
import SpinesiteKit

struct NewTopic: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topic",
        abstract: "Creates Content/<locale>/<PATH>.md with front matter and headings to fill (as a draft).",
        discussion: """
            The path may hold folders. The page's id is the path's last segment, as the site's pages \
            have, unless a page has that id already. Each text to write is marked [[TODO: …]]; a page \
            without 'draft: true' that still has a mark is an error.

            Example:
              spinesite new topic therapies/scs --locale en
              # creates Content/en/therapies/scs.md; build with --drafts to preview it
            """
    )

    @Argument(help: "The topic's path under the locale folder, e.g. tens or therapies/tens.")
    var id: String

    @Option(help: "The locale folder to create it in.")
    var locale = "en"

    @OptionGroup var project: ProjectOptions

    func run() throws {
        // The site's ids, to follow its convention; a site that does not load yet still gets a page.
        var ids: Set<String>?
        do {
            let graph = try SiteBuilder.resolveDespitePageErrors(project.build)
            ids = Set(graph.pagesByID.values.flatMap(\.keys))
        } catch {
            ids = nil
        }
        let created = try reporting { () throws(BuildFailure) in
            try TopicScaffold.create(path: id, locale: locale, root: project.root, existingIDs: ids ?? [])
        }
        printLine(
            "Created \(created.path) with id '\(created.id)' (a draft: replace each [[TODO: …]], then remove "
                + "'draft: true' to publish)")
    }
}
