import ArgumentParser
import CommandOptions
import Dispatch
import Foundation
import PreviewServer
import SiteModel

/// The preview server, which `spinesite serve` starts (run that: it checks the options and
/// finishes an interrupted import first). The server runs in a task while the main thread serves
/// the main queue, which the server's signal handling and main-actor work need.
@main
enum Main {
    static func main() {
        let arguments = PreviewArguments.parseOrExit()
        let configuration: PreviewServer.Configuration
        do {
            configuration = PreviewServer.Configuration(
                build: try arguments.options.buildOptions(), host: arguments.options.host,
                port: arguments.options.port)
        } catch {
            PreviewArguments.exit(withError: error)
        }
        let open = arguments.options.open
        Task {
            do {
                try await PreviewServer.run(
                    configuration,
                    log: { line in FileHandle.standardOutput.write(Data((TerminalText.inert(line) + "\n").utf8)) },
                    listening: { url in if open { Browser.open(url) } })
                PreviewArguments.exit()
            } catch {
                PreviewArguments.exit(withError: error)
            }
        }
        dispatchMain()
    }
}

/// `spinesite serve`'s options, as it hands them on.
struct PreviewArguments: ParsableArguments {
    @OptionGroup var options: PreviewOptions
}

enum Browser {
    /// xdg-open; nothing happens if it is missing.
    static func open(_ url: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url]
        try? process.run()
    }
}
