import ArgumentParser
import SiteModel
import SpinesiteKit

/// `--root`, shared by the commands that read a project without building it.
struct ProjectOptions: ParsableArguments {
    @Option(help: "The folder holding Content/.")
    var root = "."

    var build: BuildOptions { BuildOptions(root: root) }
}

/// `--root`, `--templates` and `--drafts`: what the commands that read the
/// whole site (build, serve, check) take.
struct SiteOptions: ParsableArguments {
    @OptionGroup var project: ProjectOptions

    @Option(help: "The templates folder (default: <root>/Templates).")
    var templates: String?

    @Flag(help: "Include pages marked draft: true.")
    var drafts = false

    func build(output: String? = nil) -> BuildOptions {
        BuildOptions(root: project.root, output: output, includeDrafts: drafts, templates: templates)
    }
}

/// Runs a library call; a build failure prints its diagnostics and exits 1.
func reporting<T>(_ body: () throws(BuildFailure) -> T) throws -> T {
    do {
        return try body()
    } catch {
        try fail(error)
    }
}
