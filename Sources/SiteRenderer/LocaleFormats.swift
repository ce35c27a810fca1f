import Foundation
import SiteModel

/// Dates and numbers the way each locale writes them, through Foundation's
/// ICU-backed formatters: "March 3, 2026" (en), "3 de marzo de 2026" (es).
final class LocaleFormats: @unchecked Sendable {
    private let lock = NSLock()
    private var dates: [String: String] = [:]

    /// `date` as a reader of `locale` writes a day: day, month name, year.
    func date(_ date: CalendarDate, locale: LocaleConfig) -> String {
        let key = "\(locale.formatLocale) \(date)"
        if let cached = lock.withLock({ dates[key] }) { return cached }
        // A formatter per call: the few distinct review dates are cached above.
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: locale.formatLocale)
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.setLocalizedDateFormatFromTemplate("dMMMMy")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let day = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))!
        let text = formatter.string(from: day)
        lock.withLock { dates[key] = text }
        return text
    }

    /// The decimal separator of the locale's conventions ("," for es).
    static func decimalSeparator(_ locale: LocaleConfig) -> String {
        Locale(identifier: locale.formatLocale).decimalSeparator ?? "."
    }
}
