import BuildCache
import Foundation
import SiteModel
import SiteRenderer
import SiteWriter

#if canImport(Glibc)
import Glibc
#endif

/// The files a build reads: every file and folder under `Content/` and `Templates/`.
enum InputSnapshot {
    /// The kernel stamps files from a clock that ticks every few milliseconds,
    /// so a file changed again within the same tick, at the same size, would
    /// keep its stamp. A stamp this close to the snapshot is not trusted (as
    /// git does with "racy" index entries): it is recorded as unknown, and
    /// the next build looks at the file again.
    static let racyWindow: Int64 = 100_000_000

    static func take(_ options: BuildOptions) -> [PathStamp] {
        trusted([options.contentPath, options.templatesPath].flatMap { folder in
            FileStamp.tree(under: folder).map { PathStamp(path: folder + "/" + $0.path, stamp: $0.stamp) }
        })
    }

    /// The stamps, those too close to now marked unknown.
    static func trusted(_ stamps: [PathStamp]) -> [PathStamp] {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let trusted = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec) - racyWindow
        return stamps.map { entry in
            var entry = entry
            if max(entry.stamp.modified, entry.stamp.changed) >= trusted { entry.stamp.modified = -1 }
            return entry
        }
    }
}

/// What a cache must have been written under to be used: this very spinesite
/// executable (a new version may render differently) and the same options.
enum CacheKey {
    static func make(_ options: BuildOptions) -> String {
        let templates = URL(fileURLWithPath: options.templatesPath).standardizedFileURL.path
        return "spinesite \(executable); drafts \(options.includeDrafts); today \(options.today); templates \(templates)"
    }

    /// The running executable's size and modification time.
    static let executable: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "unknown" }
        return "\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }()
}

extension BuildRecord {
    init(_ report: BuildReport, inputs: [PathStamp], outputs: [PathStamp]) {
        self.init(
            inputs: inputs, outputs: outputs,
            pageCounts: report.pageCounts.map { PageCount(locale: $0.locale, pages: $0.pages) },
            filesWritten: report.filesWritten, warnings: report.warnings, basePath: report.basePath
        )
    }
}

extension BuildReport {
    /// The report of the recorded build, for a build that found nothing changed.
    init(_ record: BuildRecord, outputPath: String) {
        self.init(
            pageCounts: record.pageCounts.map { ($0.locale, $0.pages) }, filesWritten: record.filesWritten,
            warnings: record.warnings, outputPath: outputPath, basePath: record.basePath
        )
        kind = .unchanged
    }
}

extension BuildRecord {
    /// Where each path is in a record's stamp lists.
    struct Positions {
        var inputs: [String: Int]
        var outputs: [String: Int]

        init(_ record: BuildRecord) {
            inputs = Dictionary(record.inputs.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
            outputs = Dictionary(record.outputs.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Replaces the stamps of the files a body edit read and wrote, in
    /// place; false if one is not in the record (the next build then looks
    /// at every file).
    mutating func patch(_ report: BuildReport, inputs newInputs: [PathStamp], outputs newOutputs: [PathStamp], positions: Positions) -> Bool {
        for entry in newInputs {
            guard let position = positions.inputs[entry.path] else { return false }
            inputs[position] = entry
        }
        for entry in newOutputs {
            guard let position = positions.outputs[entry.path] else { return false }
            outputs[position] = entry
        }
        pageCounts = report.pageCounts.map { PageCount(locale: $0.locale, pages: $0.pages) }
        filesWritten = report.filesWritten
        warnings = report.warnings
        basePath = report.basePath
        return true
    }
}
