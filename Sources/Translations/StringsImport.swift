import Foundation
import SiteModel
import SiteResolver
import SpinesiteKit
import XLIFF

/// The interface strings of an import, set in the locale's `locale.yml`.
enum StringsImport {
    struct Plan {
        var file: String
        var text: String
        var keys: [String]
    }

    static func plan(
        _ units: [ImportedUnits.Unit], locale: LocaleConfig, graph: SiteGraph, options: BuildOptions,
        xliffFile: String
    ) -> Result<Plan, BuildFailure> {
        let defaults = graph.locales[known: graph.config.defaultLocale].strings
        let targets = ImportedUnits.targets(
            units, of: InterfaceStrings.original, xliffFile: xliffFile, source: { defaults[$0] },
            unknown: { "unit '\($0)': no interface string '\($0)' in the default locale" },
            convert: { target, original in
                InterfaceStrings.string(from: target, source: InterfaceStrings.content(original))
            })
        guard targets.problems.isEmpty else { return .failure(BuildFailure(targets.problems)) }
        let values = targets.values
        let file = options.display("Content/\(locale.tag)/locale.yml")
        let current = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        return .success(
            Plan(file: file, text: InterfaceStrings.updated(current, with: values), keys: values.keys.sorted()))
    }
}
