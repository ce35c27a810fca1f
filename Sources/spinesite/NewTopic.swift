import ArgumentParser
import SiteModel
import SpinesiteKit

struct NewTopic: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topic",
        abstract: "Creates Content/<locale>/<ID>.md with front matter and a TODO body (as a draft).",
        discussion: """
            The id may hold folders: it becomes the file's path under the locale folder.

            Example:
              spinesite new topic therapies/scs --locale en
              # creates Content/en/therapies/scs.md; build with --drafts to preview it
            """
    )

    @Argument(help: "The topic's id, e.g. tens or therapies/tens.")
    var id: String

    @Option(help: "The locale folder to create it in.")
    var locale = "en"

    @OptionGroup var project: ProjectOptions

    func run() throws {
        let created = try reporting { () throws(BuildFailure) in
            try TopicScaffold.create(id: id, locale: locale, root: project.root)
        }
        print("Created \(created.path) (a draft: edit it, then remove 'draft: true' to publish)")
    }
}
