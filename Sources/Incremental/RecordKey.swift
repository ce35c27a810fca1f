import Foundation
import Glibc
public import SiteModel

/// What a record must have been written under to be used: this very
/// spinesite executable (a new version may render differently) and the same
/// options.
public enum RecordKey {
    /// - Parameters:
    ///   - today: review dates depend on the day.
    ///   - templates: the templates folder, standardized.
    public static func make(includeDrafts: Bool, unpublishedLocales: Bool, today: CalendarDate, templates: String)
        -> String
    {
        let templates = URL(fileURLWithPath: templates).standardizedFileURL.path
        return "spinesite \(executable); drafts \(includeDrafts); unpublished locales \(unpublishedLocales); "
            + "today \(today); templates \(templates)"
    }

    /// The running executable's size and modification time.
    static let executable: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "unknown" }
        return "\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }()
}
