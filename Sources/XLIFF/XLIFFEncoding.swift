import Foundation
import XMLInput

/// XLIFF is read as UTF-8 only (`XMLEncoding`); any other encoding is refused before anything else
/// looks at the bytes, saying how a translator saves the file again.
enum XLIFFEncoding {
    static func problem(in data: Data) -> XLIFFReadError? {
        switch XMLEncoding.problem(in: data) {
        case nil: return nil
        case .otherEncoding(let name):
            return XLIFFReadError(
                line: 1, column: 1,
                message: "the file is \(name), not UTF-8; spinesite reads XLIFF in UTF-8 only: save the file as "
                    + "UTF-8 (the CAT tool's export settings, or 'iconv -f \(name) -t UTF-8')")
        case .declared(let name, let column):
            return XLIFFReadError(
                line: 1, column: column,
                message: "the XML declaration says encoding=\"\(name)\"; spinesite reads XLIFF in UTF-8 "
                    + "only: save the file as UTF-8 and declare encoding=\"UTF-8\"")
        case .invalidByte(let byte, let line, let column):
            return XLIFFReadError(
                line: line, column: column,
                message: "byte 0x\(String(byte, radix: 16, uppercase: true)) is not UTF-8: the file "
                    + "was saved in another encoding; save it as UTF-8")
        }
    }
}
