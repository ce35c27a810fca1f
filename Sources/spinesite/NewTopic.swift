import ArgumentParser
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

    @Option(help: "The folder holding Content/.")
    var root = "."

    func run() throws {
        do {
            let created = try TopicScaffold.create(id: id, locale: locale, root: root)
            print("Created \(created.path) (a draft: edit it, then remove 'draft: true' to publish)")
        } catch {
            try fail(error)
        }
    }
}
