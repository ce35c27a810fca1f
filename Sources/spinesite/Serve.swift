import ArgumentParser
import CommandOptions
import Foundation

struct Serve: ParsableCommand {
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

            The preview is a separate program, spinesite-preview, built beside spinesite by \
            `make serve` (or `swift build --product spinesite-preview`, with -c release beside a \
            release build), so that `make site` does not compile an HTTP server.

            Example:
              spinesite serve --port 8000 --open
            """
    )

    @OptionGroup var preview: PreviewOptions

    func run() throws {
        _ = try preview.buildOptions()
        let program = PreviewProgram.path
        guard FileManager.default.isExecutableFile(atPath: program) else {
            printError(
                "error: the preview is not built: no \(program). Build it with `make serve`, or "
                    + "`swift build --product spinesite-preview` (-c release beside a release build), "
                    + "then run this again.")
            throw ExitCode.failure
        }
        try PreviewProgram.replaceThisProcess(with: program, arguments: preview.arguments)
    }
}

/// `spinesite-preview`, expected beside this program (SwiftPM builds products into one folder).
enum PreviewProgram {
    static var path: String {
        let own =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: own).deletingLastPathComponent().appendingPathComponent("spinesite-preview").path
    }

    /// execv: the preview keeps this process's id, so Ctrl-C and a `kill` of it reach the server.
    static func replaceThisProcess(with program: String, arguments: [String]) throws -> Never {
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        execv(program, argv)
        let reason = String(cString: strerror(errno))
        printError("error: could not start \(program): \(reason)")
        throw ExitCode.failure
    }
}
