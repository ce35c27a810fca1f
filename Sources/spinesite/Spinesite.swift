import ArgumentParser
import Dispatch
import Synchronization

/// Runs the command on the main thread; only `serve` needs the concurrency
/// runtime, and gets it from a task the main thread waits for. (An async
/// `main` parks the main thread in `dispatch_main`, which valgrind cannot
/// run: the benchmark counts a build's instructions under callgrind.)
@main
enum Main {
    static func main() {
        do {
            var command = try Spinesite.parseAsRoot()
            guard let server = command as? Serve else { return try command.run() }
            let finished = DispatchSemaphore(value: 0)
            let outcome = Outcome()
            Task {
                do { try await server.run() } catch { outcome.failure.withLock { $0 = error.localizedDescription } }
                finished.signal()
            }
            finished.wait()
            if let failure = outcome.failure.withLock({ $0 }) { Spinesite.exit(withError: ValidationError(failure)) }
        } catch {
            Spinesite.exit(withError: error)
        }
    }

    /// How the server's task failed, if it did; read after it signalled.
    private final class Outcome: Sendable {
        let failure = Mutex<String?>(nil)
    }
}

struct Spinesite: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spinesite",
        abstract: "Builds a multilingual health-education site from Content/ and Templates/.",
        discussion: """
        Run from the folder that holds Content/ and Templates/:
          spinesite build            # writes Site/
          spinesite serve            # preview on http://127.0.0.1:8000/, rebuilt on save
          spinesite new topic tens   # scaffolds Content/en/tens.md
          spinesite check            # every check, nothing written
          spinesite translations     # which translations are behind their originals
        """,
        subcommands: [Build.self, Serve.self, Check.self, New.self, Translations.self, Templates.self],
        defaultSubcommand: Build.self
    )
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Creates new content from a template.",
        discussion: """
        Example:
          spinesite new topic therapies/scs --locale es
          spinesite new locale pt-BR
        """,
        subcommands: [NewTopic.self, NewLocale.self]
    )
}
