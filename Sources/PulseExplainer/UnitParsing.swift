import PulsePhysics

/// Reads "20 mA", "200 µs", "0.2 ms", "100 Hz", "3 s": a number and its unit,
/// so a content author cannot write microseconds where milliseconds are meant.
enum UnitParsing {
    /// The units accepted for each kind of quantity, with their factor to the typed unit.
    static let currents: [String: Double] = ["mA": 1, "A": 1000, "µA": 0.001, "uA": 0.001]
    static let durations: [String: Double] = ["µs": 1, "us": 1, "ms": 1000, "s": 1_000_000]
    static let frequencies: [String: Double] = ["Hz": 1, "kHz": 1000]
    static let seconds: [String: Double] = ["": 1, "s": 1, "ms": 0.001, "min": 60]
    static let perSecond: [String: Double] = ["": 1, "Hz": 1, "/s": 1]

    /// The value in the unit of `table`'s factor 1, or a message saying what was expected.
    static func parse(_ text: String, units table: [String: Double]) -> Result<Double, UnitError> {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        let expected = table.keys.filter { !$0.isEmpty }.sorted().joined(separator: ", ")
        // Where the key names the unit (`seconds: 3`), a bare number is enough.
        if parts.count == 1, let bare = table[""], let number = Double(parts[0]), number.isFinite {
            return .success(number * bare)
        }
        guard parts.count == 2, let number = Double(parts[0]), number.isFinite else {
            return .failure(
                UnitError(
                    message:
                        "'\(text)' must be a number and a unit, as in "
                        + "'\(examples[table.keys.filter { !$0.isEmpty }.sorted().first ?? ""] ?? "20 mA")' (units: "
                        + "\(expected))"
                ))
        }
        guard let factor = table[String(parts[1])] else {
            return .failure(UnitError(message: "'\(parts[1])' is not a unit here (units: \(expected))"))
        }
        return .success(number * factor)
    }

    private static let examples = ["A": "20 mA", "Hz": "100 Hz", "kHz": "100 Hz", "ms": "200 µs", "min": "3 s"]

    struct UnitError: Error {
        var message: String
    }
}
