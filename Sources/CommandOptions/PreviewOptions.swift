public import ArgumentParser
public import SpinesiteKit

/// What `spinesite serve` takes. The preview is its own program
/// (`spinesite-preview`, which alone links the HTTP server); `spinesite serve`
/// parses these options, so that a mistake is reported before anything
/// starts, and hands them on as `arguments`.
public struct PreviewOptions: ParsableArguments {
    @OptionGroup public var site: SiteOptions

    @Option(help: "Where to write the preview (default: <root>/.spinesite-cache/preview; never use Site).")
    public var output: String?

    @Option(help: "The address to listen on; 0.0.0.0 shares the preview with your network.")
    public var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    public var port = 8000

    @Flag(help: "Open the site in the default browser.")
    public var open = false

    public init() {}

    /// The options as command-line arguments, which parse back to the same values.
    public var arguments: [String] {
        var arguments = ["--root", site.project.root, "--host", host, "--port", String(port)]
        if let templates = site.templates { arguments += ["--templates", templates] }
        if site.drafts { arguments.append("--drafts") }
        if let output { arguments += ["--output", output] }
        if open { arguments.append("--open") }
        return arguments
    }

    /// What the preview builds: drafts as asked, locales in progress always (they are the
    /// preview's to show), into the preview folder unless told otherwise, never into Site/.
    public func buildOptions() throws -> BuildOptions {
        var options = site.build(output: output)
        if let output, options.isSiteFolder(output) {
            throw ValidationError("serve never writes Site/, which is what you deploy; omit --output")
        }
        options.output = output ?? options.previewOutputPath
        options.includeUnpublishedLocales = true
        return options
    }
}
