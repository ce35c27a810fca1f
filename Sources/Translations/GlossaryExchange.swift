import Foundation
import SiteModel
import SpinesiteKit
import XLIFF

/// A locale's glossary (`glossary.yml`) as an XLIFF file, and back: each term's headword, its
/// definition and each form the build finds in page text are units (`pnt.term`, `pnt.definition`,
/// `pnt.match1`…); ids stay the default locale's, so every locale's term has the same id.
enum GlossaryExchange {
    static let original = "glossary.yml"

    /// The terms the locale lacks; with `all`, every term, the current ones as targets.
    static func file(defaultLocale: LocaleConfig, locale: LocaleConfig, all: Bool, pseudo: Bool) -> XLIFFFile {
        var file = XLIFFFile(
            original: original, sourceLanguage: defaultLocale.tag, targetLanguage: locale.tag, datatype: "plaintext",
            units: [])
        for term in defaultLocale.glossary {
            let current = locale.glossary.first { $0.id == term.id }
            guard all || current == nil else { continue }
            let translations = current.map(fields(of:)) ?? []
            for field in fields(of: term) {
                let translated = translations.first { $0.name == field.name }?.text
                let id = unitID(term, field.name)
                var unit = XLIFFUnit(
                    id: id, source: [.text(field.text)], location: "\(original)#\(id)", note: note(field.name))
                if pseudo {
                    unit.pseudoTranslate()
                } else if let translated {
                    (unit.target, unit.state) = ([.text(translated)], "translated")
                }
                file.units.append(unit)
            }
        }
        return file
    }

    /// One translatable field of a term: its name in unit ids (`term`, `definition`, `match1`…)
    /// and its text.
    private struct Field {
        let name: String
        let text: String
    }

    /// A term's translatable fields: its headword, its definition and each form found in text.
    private static func fields(of term: GlossaryTerm) -> [Field] {
        [Field(name: "term", text: term.term), Field(name: "definition", text: term.definition)]
            + term.matches.enumerated().map { Field(name: "match\($0.offset + 1)", text: $0.element) }
    }

    private static func unitID(_ term: GlossaryTerm, _ field: String) -> String { "\(term.id).\(field)" }

    private static func note(_ field: String) -> String {
        switch field {
        case "term": "Glossary headword, as the glossary page lists it."
        case "definition": "Glossary definition: plain language, one or two sentences."
        default:
            "A form of the term as it appears in page text; its first use on a page links to the glossary. "
                + "Whole words; a form with a capital letter matches exactly, others ignore case."
        }
    }

    struct Plan {
        var file: String
        var text: String
        var terms: [String]
    }

    /// The locale's glossary.yml with the targets: every term that has a translation (a target or a
    /// current entry), in the default locale's order. A term with neither is left out rather than
    /// written in the default locale's language.
    static func plan(
        _ units: [ImportedUnits.Unit], locale: LocaleConfig, defaultLocale: LocaleConfig, options: BuildOptions,
        xliffFile: String
    ) -> Result<Plan, BuildFailure> {
        let sources: [String: String] = Dictionary(
            defaultLocale.glossary.flatMap { term in fields(of: term).map { (unitID(term, $0.name), $0.text) } },
            uniquingKeysWith: { first, _ in first })
        let imported = ImportedUnits.targets(
            units, of: original, xliffFile: xliffFile, source: { sources[$0] },
            unknown: { "unit '\($0)': no such glossary term or field in the default locale" },
            convert: { (target: [XLIFFInline], _: String) -> Result<String, UnitProblem> in
                target.hasCodes ? .failure(.plainTextOnly) : .success(InlineMarkdown.oneLine(target.plainText))
            })
        guard imported.problems.isEmpty else { return .failure(BuildFailure(imported.problems)) }
        let targets = imported.values
        var entries: [String] = []
        var written: [String] = []
        for term in defaultLocale.glossary {
            let current = locale.glossary.first { $0.id == term.id }
            let translated = targets.keys.contains { $0.hasPrefix(term.id + ".") }
            guard translated || current != nil else { continue }
            let headword = targets[unitID(term, "term")] ?? current?.term ?? term.term
            let forms = fields(of: term).filter { $0.name.hasPrefix("match") }
                .compactMap { targets[unitID(term, $0.name)] }.filter { !$0.isEmpty }
            entries.append(
                entry(
                    id: term.id, term: headword, matches: forms.isEmpty ? current?.matches ?? [headword] : forms,
                    definition: targets[unitID(term, "definition")] ?? current?.definition ?? term.definition))
            if translated { written.append(term.id) }
        }
        for extra in locale.glossary where !defaultLocale.glossary.contains(where: { $0.id == extra.id }) {
            entries.append(entry(id: extra.id, term: extra.term, matches: extra.matches, definition: extra.definition))
        }
        let file = options.display("Content/\(locale.tag)/\(original)")
        let header =
            "# Glossary: short, plain-language definitions. The build marks the first use of a term in each page\n"
            + "# and lists every term on the locale's glossary page. Written by 'spinesite translations import'.\n"
        return .success(Plan(file: file, text: header + "terms:\n" + entries.joined(separator: "\n"), terms: written))
    }

    private static func entry(id: String, term: String, matches: [String], definition: String) -> String {
        """
          - id: \(id)
            term: \(YAMLText.quoted(term))
            matches: [\(matches.map(YAMLText.quoted).joined(separator: ", "))]
            definition: \(YAMLText.quoted(definition))

        """
    }
}
