import Foundation
import SiteModel
import SiteSupport

/// Turns a file's bytes into text the later stages can trust: UTF-8 only, no
/// NUL bytes, byte-order mark dropped, CRLF and CR line ends made LF.
enum TextDecoding {
    static func decode(_ bytes: [UInt8], file: String) -> Result<String, BuildFailure> {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // memchr: a loop over every byte of every file took a twelfth of loading.
        let (nul, hasCR) = bytes.withUnsafeBufferPointer {
            (ByteSearch.find([0], in: $0, from: 0), ByteSearch.find([0x0D], in: $0, from: 0) != nil)
        }
        if let nul {
            return .failure(
                BuildFailure([
                    .error(position(of: nul, in: bytes, file: file), "file contains a NUL byte; is it a text file?")
                ]))
        }
        if hasCR { bytes = normalisingLineEnds(bytes) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(
                BuildFailure([
                    .error(firstInvalidPosition(bytes, file: file), "file is not valid UTF-8; save it as UTF-8")
                ]))
        }
        return .success(text)
    }

    /// CRLF and lone CR → LF.
    private static func normalisingLineEnds(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0D {
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { continue }
                result.append(0x0A)
            } else {
                result.append(byte)
            }
        }
        return result
    }

    /// The line and column (in characters) of the first byte that is not UTF-8.
    private static func firstInvalidPosition(_ bytes: [UInt8], file: String) -> SourceLocation {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .error: return position(of: offset, in: bytes, file: file)
            case .emptyInput: return SourceLocation(file: file, line: 1, column: 1)
            }
        }
    }

    private static func position(of offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        let before = bytes[..<offset]
        let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = (before.lastIndex(of: 0x0A) ?? -1) + 1
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        return SourceLocation(file: file, line: line, column: column)
    }
}
