import ArgumentParser
import SiteRenderer

struct Templates: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Describes what templates may name.",
        discussion: """
            Every kind of page has its own values; a template naming anything else \
            is a build error at its line. --names prints the list as the template \
            guide (docs/templates.md) shows it.

            Example:
              spinesite templates --names
            """
    )

    @Flag(help: "Print every name each kind of page offers (Markdown).")
    var names = false

    func run() throws {
        guard names else { throw CleanExit.helpRequest(self) }
        print(TemplateGuide.markdown(), terminator: "")
    }
}
