import ArgumentParser
import CommandOptions
import SiteModel
import SpinesiteKit
import Translations

/// A command that reads or writes `Content/`: before it runs, whatever an interrupted translations
/// import left is finished or undone, so that no command sees half an import. A new command that
/// reads or writes `Content/` conforms here.
protocol ContentCommand {
    var project: ProjectOptions { get }
}

extension Build: ContentCommand { var project: ProjectOptions { site.project } }
extension Check: ContentCommand { var project: ProjectOptions { site.project } }
extension Serve: ContentCommand { var project: ProjectOptions { preview.site.project } }
extension NewTopic: ContentCommand {}
extension NewLocale: ContentCommand {}
extension TranslationsCommand.Show: ContentCommand {}
extension TranslationsCommand.Stamp: ContentCommand {}
extension TranslationsCommand.Diff: ContentCommand {}
extension TranslationsCommand.Export: ContentCommand {}
extension TranslationsCommand.Import: ContentCommand {}

/// Finishes or undoes an interrupted import in the command's project, saying so in one line on
/// standard error; a recovery that fails stops the command (exit 1).
func recoverInterruptedImport(before command: any ParsableCommand) throws {
    guard let command = command as? any ContentCommand else { return }
    let note = try reporting { () throws(BuildFailure) in
        try InterruptedImport.recover(root: command.project.root)
    }
    if let note { printError(note) }
}
