/// Where something came from: a file relative to the working directory, and a
/// 1-based line and column (0 when the whole file is meant).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, with any control character in the file's name escaped: a name is
    /// printed at the start of every diagnostic, so it must not act on a terminal.
    public var description: String {
        let file = TerminalText.inert(file, keepsLines: false)
        guard line > 0 else { return file }
        return column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)"
    }

    /// Where `line`:`column` of a text that starts here is in the file: a page's
    /// body or a fenced block counts its lines from 1, the file from its first line.
    public func within(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: self.line + line - 1, column: column)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// One message for the content team, printed as `file:line:col: error: message`.
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public static func error(_ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, location, message)
    }

    public static func warning(_ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, location, message)
    }

    /// `file:line:col: error: message`, inert on a terminal (see `TerminalText`).
    public var description: String {
        "\(location): \(severity.rawValue): \(TerminalText.inert(message))"
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.message) < (rhs.location, rhs.message)
    }
}

/// A build stopped by errors. Carries every diagnostic found, warnings included.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    /// The checks that could not run because an earlier stage failed ("links and explainer blocks: the
    /// templates have errors"), so the summary can say what the list of errors does not cover.
    public var skipped: [String] = []
    /// The output folder was changed part-way: a failure while its new files were being put in
    /// place. Every other failure leaves it as it was.
    public var leftOutputIncomplete = false

    public init(_ diagnostics: [Diagnostic], skipped: [String] = [], leftOutputIncomplete: Bool = false) {
        self.diagnostics = diagnostics.sorted()
        self.skipped = skipped
        self.leftOutputIncomplete = leftOutputIncomplete
    }

    /// What became of the output folder `path`, for the summary of a failed build.
    public func outputState(_ path: String) -> String {
        leftOutputIncomplete
            ? "\(path) is incomplete (some files new, some old); the next build rebuilds it whole"
            : "\(path) was not changed"
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// `; not checked: …` for a summary line, or nothing when every check ran.
    public static func notChecked(_ skipped: [String]) -> String {
        skipped.isEmpty ? "" : "; not checked: " + skipped.joined(separator: "; ")
    }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// A value and where it was written.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
}

/// Problems found once per locale that have one cause (a borrowed copy repeats its original's
/// front matter): one diagnostic per cause, at its source line, naming the locales.
public struct LocaleDiagnostics {
    private var order: [Diagnostic] = []
    private var locales: [Diagnostic: [String]] = [:]

    public init() {}

    public mutating func add(_ diagnostic: Diagnostic, locale: String) {
        if locales[diagnostic] == nil { order.append(diagnostic) }
        if locales[diagnostic]?.contains(locale) != true { locales[diagnostic, default: []].append(locale) }
    }

    /// Each cause once; its message names the locales when there are several.
    public var merged: [Diagnostic] {
        order.map { diagnostic in
            let found = locales[diagnostic] ?? []
            guard found.count > 1 else { return diagnostic }
            var merged = diagnostic
            merged.message += " (in \(found.count) locales: \(found.joined(separator: ", ")))"
            return merged
        }
    }
}
