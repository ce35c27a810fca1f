public import Foundation
import SiteModel

/// What the last successful build of an output folder read and wrote: enough
/// to tell that nothing changed without loading a page, and to know which
/// output files are still the ones it wrote.
public struct BuildRecord: Sendable, Equatable {
    /// Every file and folder under `Content/` and `Templates/`, by full path.
    public var inputs: [PathStamp]
    /// Every file the build wrote, relative to the output folder.
    public var outputs: [PathStamp]
    /// The build's summary, repeated by a build that finds nothing changed. What the build did
    /// (its mode, the pages and files it changed) is not written: read back, the summary is that
    /// of a build with nothing to do.
    public var summary: BuildSummary

    public init(inputs: [PathStamp], outputs: [PathStamp], summary: BuildSummary) {
        self.inputs = inputs
        self.outputs = outputs
        self.summary = summary
    }

    /// Whether every file the build read and wrote still has its stamp (lstat only).
    public func describesFiles(under output: URL) -> Bool {
        FileStamp.allUnchanged(inputs) && FileStamp.allUnchanged(outputs, under: output.path)
    }
}

extension BuildRecord {
    func encode(into writer: inout ByteWriter) {
        for stamps in [inputs, outputs] {
            writer.write(stamps) { writer, entry in
                writer.write(entry.path)
                writer.write(entry.stamp)
            }
        }
        writer.write(summary.pageCounts) { writer, count in
            writer.write(count.locale)
            writer.write(count.pages)
        }
        writer.write(summary.filesWritten)
        writer.write(summary.warnings) { writer, diagnostic in writer.write(diagnostic) }
        writer.write(summary.basePath)
        writer.write(summary.draftsSkipped)
    }

    init(from reader: inout ByteReader) throws(CacheCorrupt) {
        func stamps(_ reader: inout ByteReader) throws(CacheCorrupt) -> [PathStamp] {
            try reader.array { reader throws(CacheCorrupt) in
                PathStamp(path: try reader.string(), stamp: try reader.fileStamp())
            }
        }
        inputs = try stamps(&reader)
        outputs = try stamps(&reader)
        let pageCounts = try reader.array { reader throws(CacheCorrupt) in
            PageCount(locale: try reader.string(), pages: try reader.int())
        }
        summary = BuildSummary(
            pageCounts: pageCounts, filesWritten: try reader.int(),
            warnings: try reader.array { reader throws(CacheCorrupt) in try reader.diagnostic() },
            basePath: try reader.string(), draftsSkipped: try reader.int(), mode: .unchanged)
    }
}

extension ByteWriter {
    mutating func write(_ stamp: FileStamp) {
        write(stamp.size)
        write(stamp.modified)
        write(stamp.changed)
        write(stamp.inode)
    }

    mutating func write(_ diagnostic: Diagnostic) {
        write(diagnostic.severity == .error)
        write(diagnostic.location.file)
        write(diagnostic.location.line)
        write(diagnostic.location.column)
        write(diagnostic.message)
    }
}

extension ByteReader {
    mutating func fileStamp() throws(CacheCorrupt) -> FileStamp {
        FileStamp(size: try int64(), modified: try int64(), changed: try int64(), inode: try uint64())
    }

    mutating func diagnostic() throws(CacheCorrupt) -> Diagnostic {
        let severity: Diagnostic.Severity = try bool() ? .error : .warning
        let location = SourceLocation(file: try string(), line: try int(), column: try int())
        return Diagnostic(severity, location, try string())
    }
}

extension BuildRecord {
    /// Where each path is in a record's stamp lists.
    public struct Positions: Sendable {
        var inputs: [String: Int]
        var outputs: [String: Int]

        public init(_ record: BuildRecord) {
            inputs = Dictionary(
                record.inputs.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
            outputs = Dictionary(
                record.outputs.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Replaces the stamps of the files a body edit read and wrote, in
    /// place, adds the outputs it made anew and drops those it removed (search index files,
    /// named by their content); false if an input is not in the record (the next build then
    /// looks at every file).
    public mutating func patch(
        inputs newInputs: [PathStamp], outputs newOutputs: [PathStamp], removed: [String],
        positions: inout Positions
    ) -> Bool {
        for entry in newInputs {
            guard let position = positions.inputs[entry.path] else { return false }
            inputs[position] = entry
        }
        for path in removed {
            guard let position = positions.outputs.removeValue(forKey: path) else { continue }
            // The last entry takes the removed one's place.
            let last = outputs.removeLast()
            if position < outputs.count {
                outputs[position] = last
                positions.outputs[last.path] = position
            }
        }
        for entry in newOutputs {
            if let position = positions.outputs[entry.path] {
                outputs[position] = entry
            } else {
                positions.outputs[entry.path] = outputs.count
                outputs.append(entry)
            }
        }
        return true
    }
}
