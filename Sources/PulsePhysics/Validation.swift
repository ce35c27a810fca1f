/// Why a setting cannot be computed. Settings are rejected, never clamped.
public enum PulseSettingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `quantity` must be greater than zero (gap: not negative).
    case notPositive(quantity: String, value: Double)
    /// The pulse (phases plus gap) does not fit in the period it repeats at.
    case pulseLongerThanPeriod(pulse: Microseconds, period: Microseconds)
    /// A burst's pulses last longer than the time between bursts.
    case burstLongerThanBurstPeriod(burst: Seconds, period: Seconds)
    /// Declared charge-balanced, but I₂·w₂ differs from I·w by more than 0.1 %.
    case notChargeBalanced(net: Microcoulombs)
    /// An alternating train needs at least two frequencies.
    case tooFewAlternatingSteps(count: Int)
    /// Outside the spec's plausible range, and the setting did not allow it.
    case outOfRange(quantity: String, value: Double, range: ClosedRange<Double>, unit: String)

    public var description: String {
        switch self {
        case .notPositive(let quantity, let value):
            return "\(quantity) must be greater than zero (got \(plain(value)))"
        case .pulseLongerThanPeriod(let pulse, let period):
            return
                "the pulse lasts \(plain(pulse.value)) µs (phases plus gap), which does not fit in its period of "
                + "\(plain(period.value)) µs"
        case .burstLongerThanBurstPeriod(let burst, let period):
            return "a burst lasts \(plain(burst.value)) s, longer than the \(plain(period.value)) s between bursts"
        case .notChargeBalanced(let net):
            return
                "the pulse is declared charge-balanced but leaves \(plain(net.value)) µC per pulse: make amplitude "
                + "× width equal for both phases"
        case .tooFewAlternatingSteps(let count):
            return "an alternating train needs at least two frequencies (got \(count))"
        case .outOfRange(let quantity, let value, let range, let unit):
            return
                "\(quantity) \(plain(value)) \(unit) is outside the plausible range "
                + "\(plain(range.lowerBound))–\(plain(range.upperBound)) \(unit); set allowOutOfRange with a reason "
                + "if this is intended"
        }
    }
}

/// The plausible ranges of the spec's sliders.
public enum PlausibleRange {
    public static let amplitude: ClosedRange<Double> = 1...60
    public static let pulseWidth: ClosedRange<Double> = 50...500
    public static let frequency: ClosedRange<Double> = 1...150
    /// Relative tolerance of a declared charge balance.
    public static let balanceTolerance = 0.001
}

extension StimulationSetting {
    /// Every problem with the setting, in a stable order; empty when valid.
    public func problems(allowOutOfRange: Bool = false) -> [PulseSettingError] {
        var problems: [PulseSettingError] = []
        func positive(_ name: String, _ value: Double) {
            if !(value > 0) { problems.append(.notPositive(quantity: name, value: value)) }
        }
        func inRange(_ name: String, _ value: Double, _ range: ClosedRange<Double>, _ unit: String) {
            if !allowOutOfRange, value > 0, !range.contains(value) {
                problems.append(.outOfRange(quantity: name, value: value, range: range, unit: unit))
            }
        }
        positive("amplitude", pulse.phase.amplitude.value)
        positive("pulse width", pulse.phase.width.value)
        inRange("amplitude", pulse.phase.amplitude.value, PlausibleRange.amplitude, "mA")
        inRange("pulse width", pulse.phase.width.value, PlausibleRange.pulseWidth, "µs")
        if !(pulse.interphaseGap.value >= 0) {
            problems.append(.notPositive(quantity: "interphase gap", value: pulse.interphaseGap.value))
        }
        positive("load", load.value)
        if case .biphasicAsymmetric(let second, let declaredBalanced) = pulse.waveform {
            positive("second-phase amplitude", second.amplitude.value)
            positive("second-phase width", second.width.value)
            let first = pulse.phase.charge.value
            if declaredBalanced, first > 0, abs(pulse.netCharge.value) > PlausibleRange.balanceTolerance * first {
                problems.append(.notChargeBalanced(net: pulse.netCharge))
            }
        }
        guard problems.isEmpty else { return problems }
        problems += trainProblems(inRange: inRange)
        return problems
    }

    private func trainProblems(inRange: (String, Double, ClosedRange<Double>, String) -> Void) -> [PulseSettingError] {
        var problems: [PulseSettingError] = []
        func fits(_ frequency: Hertz, name: String) {
            guard frequency.value > 0 else {
                problems.append(.notPositive(quantity: name, value: frequency.value))
                return
            }
            inRange(name, frequency.value, PlausibleRange.frequency, "Hz")
            let period = Microseconds(1e6 / frequency.value)
            if pulse.duration >= period {
                problems.append(.pulseLongerThanPeriod(pulse: pulse.duration, period: period))
            }
        }
        switch train {
        case .continuous(let frequency):
            fits(frequency, name: "frequency")
        case .burst(let pulses, let internalFrequency, let burstFrequency):
            if pulses <= 0 { problems.append(.notPositive(quantity: "pulses per burst", value: Double(pulses))) }
            if burstFrequency.value <= 0 {
                problems.append(.notPositive(quantity: "bursts per second", value: burstFrequency.value))
            }
            fits(internalFrequency, name: "frequency within a burst")
            if problems.isEmpty {
                let burst = Seconds(Double(pulses) / internalFrequency.value)
                let period = Seconds(1 / burstFrequency.value)
                if burst >= period { problems.append(.burstLongerThanBurstPeriod(burst: burst, period: period)) }
            }
        case .alternating(let dwells):
            if dwells.count < 2 { problems.append(.tooFewAlternatingSteps(count: dwells.count)) }
            for (number, dwell) in dwells.enumerated() {
                fits(dwell.frequency, name: "frequency \(number + 1)")
                if dwell.duration.value <= 0 {
                    problems.append(.notPositive(quantity: "dwell time \(number + 1)", value: dwell.duration.value))
                }
            }
        }
        return problems
    }
}

/// 1100.0 → "1100", 0.25 → "0.25": numbers in messages as people write them.
func plain(_ value: Double) -> String {
    guard value.isFinite, abs(value) < 1e12 else { return "\(value)" }
    // Six decimals at most: 0.7999999999999998 reads as 0.8.
    let rounded = (value * 1e6).rounded() / 1e6
    return rounded == rounded.rounded() ? String(Int(rounded)) : "\(rounded)"
}
