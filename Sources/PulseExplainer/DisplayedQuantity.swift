import PulsePhysics

/// An input the reader can change: each is one axis of the state grid.
enum SliderAxis: String, CaseIterable, Sendable {
    case amplitude, pulseWidth, frequency, electrode

    /// The grid values as locale-independent text, and their unit.
    var values: [String] {
        switch self {
        case .amplitude: return SliderGrid.amplitudes.map { NumberText.plain($0.value) }
        case .pulseWidth: return SliderGrid.pulseWidths.map { NumberText.plain($0.value) }
        case .frequency: return SliderGrid.frequencies.map { NumberText.plain($0.value) }
        case .electrode: return SliderGrid.electrodes.map(\.rawValue)
        }
    }

    var unit: String {
        switch self {
        case .amplitude: return MilliampereUnit.symbol
        case .pulseWidth: return MicrosecondUnit.symbol
        case .frequency: return HertzUnit.symbol
        case .electrode: return ""
        }
    }

    /// The locale string naming this input.
    var labelKey: String {
        switch self {
        case .amplitude: return "pulseAmplitude"
        case .pulseWidth: return "pulsePulseWidth"
        case .frequency: return "pulseFrequency"
        case .electrode: return "pulseElectrode"
        }
    }
}

/// A row of the metrics table: which quantity, its unit, and the inputs it
/// depends on (the axes of its table in the state grid).
struct DisplayedQuantity: Sendable {
    var key: String
    var unit: String
    var axes: [SliderAxis]
    var value: @Sendable (PulseMetrics) -> Double?

    var labelKey: String { "quantity.\(key)" }

    static let all: [DisplayedQuantity] = [
        DisplayedQuantity(key: "period", unit: MillisecondUnit.symbol, axes: [.frequency]) { $0.period?.value },
        DisplayedQuantity(key: "pulseRate", unit: HertzUnit.symbol, axes: [.frequency]) { $0.pulseRate.value },
        DisplayedQuantity(key: "dutyCycle", unit: PercentUnit.symbol, axes: [.pulseWidth, .frequency]) {
            $0.dutyCycle.value
        },
        DisplayedQuantity(key: "charge", unit: MicrocoulombUnit.symbol, axes: [.amplitude, .pulseWidth]) {
            $0.chargePerPhase.value
        },
        DisplayedQuantity(
            key: "chargeDensity", unit: MicrocoulombPerSquareCentimetreUnit.symbol,
            axes: [.amplitude, .pulseWidth, .electrode]
        ) { $0.chargeDensity.value },
        DisplayedQuantity(key: "shannonK", unit: "", axes: [.amplitude, .pulseWidth, .electrode]) { $0.shannonK },
        DisplayedQuantity(key: "netCharge", unit: MicrocoulombUnit.symbol, axes: [.amplitude, .pulseWidth]) {
            $0.netChargePerPulse.value
        },
        DisplayedQuantity(
            key: "rmsCurrent", unit: MilliampereUnit.symbol, axes: [.amplitude, .pulseWidth, .frequency]
        ) { $0.rmsCurrent.value },
        DisplayedQuantity(
            key: "meanCurrent", unit: MilliampereUnit.symbol, axes: [.amplitude, .pulseWidth, .frequency]
        ) { $0.meanAbsoluteCurrent.value },
        DisplayedQuantity(key: "power", unit: MilliwattUnit.symbol, axes: [.amplitude, .pulseWidth, .frequency]) {
            $0.averagePower.value
        },
        DisplayedQuantity(key: "energy", unit: MicrojouleUnit.symbol, axes: [.amplitude, .pulseWidth]) {
            $0.energyPerPulse.value
        },
        DisplayedQuantity(key: "peakVoltage", unit: VoltUnit.symbol, axes: [.amplitude]) { $0.peakVoltage.value },
        DisplayedQuantity(
            key: "peakCurrentDensity", unit: MilliamperePerSquareCentimetreUnit.symbol, axes: [.amplitude, .electrode]
        ) { $0.peakCurrentDensity.value },
        DisplayedQuantity(
            key: "rmsCurrentDensity", unit: MilliamperePerSquareCentimetreUnit.symbol,
            axes: [.amplitude, .pulseWidth, .frequency, .electrode]
        ) { $0.rmsCurrentDensity.value },
    ]

    /// The rows that apply to `setting` (no single period for alternating trains).
    static func rows(for setting: StimulationSetting) -> [DisplayedQuantity] {
        if case .alternating = setting.train { return all.filter { $0.key != "period" } }
        return all
    }
}
