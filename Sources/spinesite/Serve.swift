import ArgumentParser
import Foundation
import PreviewServer
import SiteModel
import SpinesiteKit

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Builds the site, serves it for preview and rebuilds on every save.",
        discussion: """
            Open pages reload after each rebuild. A build error does not stop the server: the \
            browser shows every file:line: message until the next good save. Listens on \
            127.0.0.1 (this computer only) unless --host says otherwise, and answers only requests \
            addressed to 127.0.0.1, localhost, [::1] or the --host name with its port (other web \
            pages cannot read it through a name of their own). Ctrl-C stops it.

            The preview builds into .spinesite-cache/preview/, never into Site/: drafts and \
            unfinished edits cannot end up in what you deploy. Run `spinesite build` for Site/.

            Example:
              spinesite serve --port 8000 --open
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(help: "Where to write the preview (default: <root>/.spinesite-cache/preview; never use Site).")
    var output: String?

    @Option(help: "The address to listen on; 0.0.0.0 shares the preview with your network.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8000

    @Flag(help: "Open the site in the default browser.")
    var open = false

    func run() async throws {
        var options = site.build(output: output)
        if let output, options.isSiteFolder(output) {
            throw ValidationError("serve never writes Site/, which is what you deploy; omit --output")
        }
        options.output = output ?? options.previewOutputPath
        // Locales in progress are the preview's to show, as drafts are with --drafts.
        options.includeUnpublishedLocales = true
        let configuration = PreviewServer.Configuration(build: options, host: host, port: port)
        let open = self.open
        try await PreviewServer.run(
            configuration,
            log: { line in FileHandle.standardOutput.write(Data((TerminalText.inert(line) + "\n").utf8)) },
            listening: { url in if open { Browser.open(url) } })
    }
}

enum Browser {
    /// xdg-open on Linux, open on macOS; nothing happens if neither exists.
    static func open(_ url: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        #if os(macOS)
            process.arguments = ["open", url]
        #else
            process.arguments = ["xdg-open", url]
        #endif
        try? process.run()
    }
}
