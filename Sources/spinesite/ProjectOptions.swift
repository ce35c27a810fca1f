import ArgumentParser
import SiteModel
import SpinesiteKit

/// `--root`, shared by the commands that read a project without building it.
struct ProjectOptions: ParsableArguments {
    @Option(help: "The folder holding Content/.")
    var root = "."

    var build: BuildOptions { BuildOptions(root: root) }
}

/// Runs a library call; a build failure prints its diagnostics and exits 1.
func reporting<T>(_ body: () throws(BuildFailure) -> T) throws -> T {
    do {
        return try body()
    } catch {
        try fail(error)
    }
}
