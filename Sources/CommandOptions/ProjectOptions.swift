public import ArgumentParser
public import SpinesiteKit

/// `--root`, shared by the commands that read a project without building it.
public struct ProjectOptions: ParsableArguments {
    @Option(help: "The folder holding Content/.")
    public var root = "."

    public init() {}

    public var build: BuildOptions { BuildOptions(root: root) }
}

/// `--root`, `--templates` and `--drafts`: what the commands that read the
/// whole site (build, serve, check) take.
public struct SiteOptions: ParsableArguments {
    @OptionGroup public var project: ProjectOptions

    @Option(help: "The templates folder (default: <root>/Templates).")
    public var templates: String?

    @Flag(help: "Include pages marked draft: true.")
    public var drafts = false

    public init() {}

    public func build(output: String? = nil) -> BuildOptions {
        BuildOptions(root: project.root, output: output, includeDrafts: drafts, templates: templates)
    }
}
