import BuildCache
import Foundation
import SiteRenderer
import SiteWriter

#if canImport(Glibc)
import Glibc
#endif

/// The files a build reads: every file under `Content/` and `Templates/`.
enum InputSnapshot {
    static func take(_ options: BuildOptions) -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        for (name, folder) in [("Content", options.contentPath), ("Templates", options.templatesPath)] {
            for (path, stamp) in FileStamp.tree(under: folder) { stamps[name + "/" + path] = stamp }
        }
        return stamps
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
    init(_ report: BuildReport, inputs: [String: FileStamp], outputs: [String: FileStamp], pageKeys: [String: Fingerprint]) {
        self.init(
            inputs: inputs, outputs: outputs, pageKeys: pageKeys,
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
