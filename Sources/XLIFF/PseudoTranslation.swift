/// Pseudo-translation: the source with accented letters, about 35 % longer, in brackets
/// (`[Ŧŕåñšçûûţåñéöûš …]`). Imported, it shows where longer text breaks a layout, where a
/// font lacks accents, and which text on a page never went through translation.
public enum PseudoTranslation {
    /// How much longer the text gets: translations from English commonly run 30–40 % longer.
    public static let growth = 0.35
    /// The `state-qualifier` of a pseudo-translated target.
    public static let stateQualifier = "x-pseudo-translation"

    /// Content without a letter (a decimal separator, a symbol) is not language: it stays as it is.
    public static func translate(_ content: [XLIFFInline]) -> [XLIFFInline] {
        guard content.plainText.contains(where: \.isLetter) else { return content }
        let letters = content.plainText.count
        var extra = Int((Double(letters) * growth).rounded())
        var result: [XLIFFInline] = [.text("[")]
        for piece in content {
            switch piece {
            case .text(let text): result.append(.text(accent(text, extra: &extra)))
            case .term(let text): result.append(.term(accent(text, extra: &extra)))
            default: result.append(piece)
            }
        }
        // Text too short to stretch by doubling vowels is padded.
        result.append(.text(String(repeating: "·", count: max(0, extra)) + "]"))
        return merged(result)
    }

    /// Each letter accented; vowels doubled while `extra` lasts.
    static func accent(_ text: String, extra: inout Int) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count * 2)
        for character in text {
            let accented = accents[character].map(String.init) ?? String(character)
            out += accented
            if extra > 0, "aeiouAEIOU".contains(character) {
                out += accented
                extra -= 1
            }
        }
        return out
    }

    private static let accents: [Character: Character] = {
        let plain = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let marked = Array("åƀçđéƒĝĥîĵķļɱñöƥʠŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖƤꝖŔŠŦÛṼŴẊÝŽ")
        return Dictionary(uniqueKeysWithValues: zip(plain, marked))
    }()

    private static func merged(_ pieces: [XLIFFInline]) -> [XLIFFInline] {
        var result: [XLIFFInline] = []
        for piece in pieces {
            if case .text(let more) = piece, case .text(let text)? = result.last {
                result[result.count - 1] = .text(text + more)
            } else if case .text(let text) = piece, text.isEmpty {
                continue
            } else {
                result.append(piece)
            }
        }
        return result
    }
}

extension XLIFFUnit {
    /// The unit with its source pseudo-translated as its target, marked as such.
    public mutating func pseudoTranslate() {
        target = PseudoTranslation.translate(source)
        (state, stateQualifier) = ("translated", PseudoTranslation.stateQualifier)
    }
}
