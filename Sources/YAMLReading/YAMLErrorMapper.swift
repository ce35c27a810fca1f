public import SiteModel
import Yams

/// Turns a Yams/libyaml error into a diagnostic at the right file line.
public enum YAMLErrorMapper {
    public static func diagnostic(_ error: any Error, file: String, lineOffset: Int, what: String) -> Diagnostic {
        let start = SourceLocation(file: file, line: 1 + lineOffset, column: 1)
        guard let yamlError = error as? YamlError else {
            return .error(start, "\(what): \(error)")
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let location = SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
            let detail = context.map { "\($0.text) " } ?? ""
            return .error(location, "\(what): invalid YAML: \(detail)\(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let location = SourceLocation(
                file: file, line: context.mark.line + lineOffset, column: context.mark.column)
            return .error(location, "\(what): duplicate key '\(duplicates.joined(separator: "', '"))'")
        case .reader(let problem, _, _, _):
            return .error(start, "\(what): invalid YAML: \(problem)")
        default:
            return .error(start, "\(what): invalid YAML: \(yamlError)")
        }
    }
}
