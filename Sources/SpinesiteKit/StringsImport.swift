import Foundation
import SiteModel
import SiteResolver
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
        var problems: [Diagnostic] = []
        var values: [String: String] = [:]
        for unit in units {
            let location = SourceLocation(file: xliffFile, line: unit.line, column: 1)
            guard let original = defaults[unit.id] else {
                problems.append(
                    .error(location, "unit '\(unit.id)': no interface string '\(unit.id)' in the default locale"))
                continue
            }
            guard let target = unit.target else { continue }
            switch InterfaceStrings.string(from: target, source: InterfaceStrings.content(original)) {
            case .success(let string): values[unit.id] = string
            case .failure(let problem):
                problems.append(
                    .error(location, "unit '\(unit.id)' of \(InterfaceStrings.original): \(problem.message)"))
            }
        }
        guard problems.isEmpty else { return .failure(BuildFailure(problems)) }
        let file = options.display("Content/\(locale.tag)/locale.yml")
        let current = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        return .success(
            Plan(file: file, text: InterfaceStrings.updated(current, with: values), keys: values.keys.sorted()))
    }
}
