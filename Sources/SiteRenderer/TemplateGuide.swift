import TemplateEngine

/// The names each kind of page offers its templates, as Markdown: made from
/// the same field lists the compiler checks templates against, so the
/// template guide in docs/templates.md (`spinesite templates --names`)
/// cannot drift.
public enum TemplateGuide {
    public static func markdown() -> String {
        let kinds = PageKind.allCases.compactMap { kind -> (kind: PageKind, shape: ObjectShape)? in
            guard case .object(let shape) = kind.shape else { return nil }
            return (kind, shape)
        }
        // Names every kind offers (the locale's values, the page's languages) are listed once.
        let shared = kinds.dropFirst().reduce(Set(kinds[0].shape.fields.map(\.name))) { names, kind in
            names.intersection(kind.shape.fields.map(\.name))
        }
        var text = "**Every kind of page** offers these names:\n\n"
        text += table(kinds[0].shape.fields.filter { shared.contains($0.name) })
        for (kind, shape) in kinds {
            let own = shape.fields.filter { !shared.contains($0.name) }
            guard !own.isEmpty else { continue }
            text +=
                "\n**\(capitalized(shape.displayName))** (`Templates/\(kind.templateName).mustache`) also offer:\n\n"
            text += table(own)
        }
        let cached = ObjectShape.of(LocaleValues.self).fields.map(\.name)
        text +=
            "\n**Templates under `cached/`** are rendered once per locale and see only "
            + cached.map { "`\($0)`" }.joined(separator: ", ") + ".\n"
        let sharedValues = ObjectShape.of(SharedPageValues.self)
        text +=
            "\n**"
            + SharedPageValues.partials.names.sorted().map { "`\($0)`" }.joined(separator: " and ")
            + "** are included by every kind of page and see only "
            + sharedValues.fields.map { "`\($0.name)`" }.joined(separator: ", ") + ".\n"
        text += "\nThe values inside those names:\n"
        for inner in innerShapes(of: kinds.map(\.shape) + [sharedValues]) {
            text += "\n**\(inner.label)**\n\n" + table(inner.shape.fields)
        }
        return text
    }

    /// Every object type reachable from a page's names, each once, in the
    /// order first met; a display name two types share (`page`) is told
    /// apart by the kinds that use each.
    private static func innerShapes(of shapes: [ObjectShape]) -> [InnerShape] {
        var found: [(shape: ObjectShape, users: [String])] = []
        func visit(_ shape: TemplateShape, user: String) {
            switch shape {
            case .optional(let inner), .list(let inner), .keyed(_, let inner): visit(inner, user: user)
            case .object(let object):
                if let index = found.firstIndex(where: { $0.shape.typeName == object.typeName }) {
                    if !found[index].users.contains(user) { found[index].users.append(user) }
                    return
                }
                found.append((object, [user]))
                for field in object.fields { visit(field.shape, user: user) }
            default: break
            }
        }
        for shape in shapes {
            for field in shape.fields { visit(field.shape, user: shape.displayName) }
        }
        return found.map { entry in
            let twins = found.filter { $0.shape.displayName == entry.shape.displayName }.count
            let label =
                twins > 1
                ? "\(capitalized(entry.shape.displayName)) on \(entry.users.joined(separator: ", "))"
                : capitalized(entry.shape.displayName)
            return InnerShape(label: label, shape: entry.shape)
        }
    }

    /// An object type inside a page's names, with the heading the guide lists its fields under:
    /// `Page`, or `Page on topic, section` when two types share that display name.
    private struct InnerShape {
        let label: String
        let shape: ObjectShape
    }

    private static func capitalized(_ name: String) -> String {
        name.prefix(1).uppercased() + name.dropFirst()
    }

    /// The fields, each list followed by its `has<List>` flag (made by the compiler for every list
    /// field a value does not already have a field of that name for).
    private static func table(_ fields: [ObjectShape.FieldInfo]) -> String {
        let names = Set(fields.map(\.name))
        return "| name | kind | what it holds |\n|---|---|---|\n"
            + fields.map { field in
                let row = "| `\(field.name)` | \(field.shape.kindName) | \(field.summary) |\n"
                guard case .list = field.shape, !names.contains(ListFlag.name(for: field.name)) else { return row }
                return row
                    + "| `\(ListFlag.name(for: field.name))` | flag | Whether `\(field.name)` has any element "
                    + "(made for every list). |\n"
            }.joined()
    }
}
