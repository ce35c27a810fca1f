public import PulsePhysics

/// The explainers of a whole site: which state-grid model each uses, and the
/// one JSON file of states they share.
public struct ExplainerPlan: Sendable {
    private var models: [ExplainerModel] = []
    private var indexByModel: [ExplainerModel: Int] = [:]

    public init() {}

    /// The model index of `setting`, adding its model on first use (call in a
    /// stable order: the file's content depends on it).
    public mutating func modelIndex(for setting: StimulationSetting) -> Int {
        let model = ExplainerModel(setting)
        if let index = indexByModel[model] { return index }
        models.append(model)
        indexByModel[model] = models.count - 1
        return models.count - 1
    }

    public var isEmpty: Bool { models.isEmpty }

    /// Every state of every model, for the page script.
    public func statesJSON() -> String { StateGrid(models: models).json() }
}

/// The locale strings explainers use, for the check that every locale has them.
public enum PulseExplainerStrings {
    public static func used(by library: PresetLibrary) -> [String] {
        var keys = [
            "pulseTitle", "pulseSliders", "pulseIntro", "pulseWaveform", "pulseAmplitude", "pulsePulseWidth",
            "pulseGap",
            "pulseFrequency", "pulseElectrode", "pulseQuantity", "pulseValue", "pulseMetricsCaption",
            "pulseWaveformFigure",
            "pulseWaveformDescription", "pulseTrainFigure", "pulseTimeAxis", "pulseCurrentAxis", "pulseSDFigure",
            "pulseSDDescription", "pulseSDAxis", "pulseIllustrative", "pulseSources", "pulseCompareLink",
            "pulseCompareTableCaption", "pulsePreset", "pulseNote", "train.continuous", "train.burst",
            "train.burstsPerSecond", "train.alternating",
        ]
        keys += Reading.sentences.flatMap(\.variants)
        keys += Electrode.allCases.map { "electrode.\($0.rawValue)" }
        keys += WaveformKind.allCases.map { "waveform.\($0.rawValue)" }
        keys += FibreClass.allCases.map { "fibre.\($0.rawValue)" }
        keys += DisplayedQuantity.all.map(\.labelKey)
        keys += library.presets.map { "preset.\($0.id)" }
        return keys
    }
}
