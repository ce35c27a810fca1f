/// Writes an `XLIFFDocument` as XLIFF 1.2 that validates against the OASIS strict schema.
///
/// Standard attributes only (the strict schema refuses unknown ones): the original's digest is the
/// file's `build-num` (the version of the original), the page's id is the `resname` of the group
/// holding its units, and each unit's own place is its location context.
public enum XLIFFWriter {
    public static func write(_ document: XLIFFDocument) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2" xmlns="\(XLIFFDocument.namespace)">\n
            """
        for file in document.files { write(file, into: &out) }
        out += "</xliff>\n"
        return out
    }

    private static func write(_ file: XLIFFFile, into out: inout String) {
        out += "  <file original=\"\(attribute(file.original))\" source-language=\"\(attribute(file.sourceLanguage))\""
        if let target = file.targetLanguage { out += " target-language=\"\(attribute(target))\"" }
        out += " datatype=\"\(attribute(file.datatype))\" product-name=\"spinesite\""
        if let digest = file.digest { out += " build-num=\"\(attribute(digest))\"" }
        out +=
            ">\n    <header>\n      <tool tool-id=\"spinesite\" tool-name=\"spinesite\"/>\n    </header>\n    <body>\n"
        var indent = "      "
        if let id = file.pageID {
            out += "      <group id=\"page\" resname=\"\(attribute(id))\" restype=\"x-spinesite-page\">\n"
            indent += "  "
        }
        for unit in file.units { write(unit, file: file, indent: indent, into: &out) }
        if file.pageID != nil { out += "      </group>\n" }
        out += "    </body>\n  </file>\n"
    }

    private static func write(_ unit: XLIFFUnit, file: XLIFFFile, indent: String, into out: inout String) {
        out +=
            indent
            + "<trans-unit id=\"\(attribute(unit.id))\" resname=\"\(attribute(unit.id))\""
            + (unit.approved.map { " approved=\"\($0 ? "yes" : "no")\"" } ?? "") + " xml:space=\"preserve\">\n"
        out +=
            indent + "  <source xml:lang=\"\(attribute(file.sourceLanguage))\">" + inline(unit.source) + "</source>\n"
        if let target = unit.target {
            out += indent + "  <target"
            if let language = file.targetLanguage { out += " xml:lang=\"\(attribute(language))\"" }
            if let state = unit.state { out += " state=\"\(attribute(state))\"" }
            if let qualifier = unit.stateQualifier { out += " state-qualifier=\"\(attribute(qualifier))\"" }
            out += ">" + inline(target) + "</target>\n"
        }
        if let location = unit.location {
            out += indent + "  <context-group purpose=\"location\">"
            out += "<context context-type=\"sourcefile\">\(text(location))</context></context-group>\n"
        }
        if let note = unit.note { out += indent + "  <note from=\"spinesite\">\(text(note))</note>\n" }
        out += indent + "</trans-unit>\n"
    }

    static func inline(_ content: [XLIFFInline]) -> String {
        var out = ""
        for piece in content {
            switch piece {
            case .text(let value): out += text(value)
            case .term(let value): out += "<mrk mtype=\"term\">" + text(value) + "</mrk>"
            case .start(let id, let ctype):
                out += "<bpt id=\"\(attribute(id))\"" + ctypeAttribute(ctype) + ">"
                out += text(XLIFFInline.startToken(id)) + "</bpt>"
            case .end(let id): out += "<ept id=\"\(attribute(id))\">" + text(XLIFFInline.endToken(id)) + "</ept>"
            case .placeholder(let id, let ctype, let token):
                out += "<ph id=\"\(attribute(id))\"" + ctypeAttribute(ctype) + ">" + text(token) + "</ph>"
            }
        }
        return out
    }

    private static func ctypeAttribute(_ ctype: String?) -> String {
        ctype.map { " ctype=\"\(attribute($0))\"" } ?? ""
    }

    /// Character data: `&`, `<` and `>` escaped; characters XML 1.0 forbids dropped.
    static func text(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default:
                if isAllowedInXML(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    static func attribute(_ value: String) -> String {
        var out = ""
        for character in text(value) {
            switch character {
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            case "\t": out += "&#9;"
            case "\r": out += "&#13;"
            default: out.append(character)
            }
        }
        return out
    }

    private static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
