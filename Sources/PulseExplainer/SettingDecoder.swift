public import PulsePhysics
public import SiteModel
import SiteSupport
import YAMLReading

/// A stimulation setting as written in pulse-presets.yml or a ```pulse block,
/// with what the author said about it.
public struct DescribedSetting: Sendable, Hashable {
    public var setting: StimulationSetting
    /// Why values outside the plausible ranges are intended; nil: not allowed.
    public var allowOutOfRange: String?
    /// Which inputs the sources do not report (`amplitude`, `pulseWidth`, …).
    public var illustrative: [String]
    public var location: SourceLocation
}

/// Reads the setting keys of a YAML mapping into a `DescribedSetting`.
enum SettingDecoder {
    static let keys: Set<String> = [
        "waveform", "amplitude", "pulseWidth", "frequency", "electrode", "gap", "secondPhase", "chargeBalanced",
        "train", "illustrative", "allowOutOfRange",
    ]
    static let illustrativeNames: Set<String> = [
        "waveform", "amplitude", "pulseWidth", "frequency", "electrode", "gap", "train",
    ]

    static func decode(_ yaml: inout YAMLMapping, what: String) -> DescribedSetting? {
        let amplitude = measure(&yaml, "amplitude", UnitParsing.currents, what: what, required: true).map {
            Milliamperes($0)
        }
        let width = measure(&yaml, "pulseWidth", UnitParsing.durations, what: what, required: true).map {
            Microseconds($0)
        }
        let gap = Microseconds(measure(&yaml, "gap", UnitParsing.durations, what: what, required: false) ?? 0)
        let electrode: Electrode? = choice(&yaml, "electrode", Electrode.allCases, what: what)
        let waveform = self.waveform(&yaml, what: what)
        let train = self.train(&yaml, what: what)
        let illustrative = yaml.strings("illustrative", what: what)
        for name in illustrative where !illustrativeNames.contains(name.value) {
            yaml.error(
                name.location,
                "\(what): 'illustrative' lists '\(name.value)', which is not an input "
                    + "(\(illustrativeNames.sorted().joined(separator: ", ")))"
            )
        }
        let allowOutOfRange = yaml.string("allowOutOfRange", required: false, what: what)?.value
        guard let amplitude, let width, let electrode, let waveform, let train else { return nil }
        let setting = StimulationSetting(
            pulse: Pulse(phase: Phase(amplitude: amplitude, width: width), waveform: waveform, interphaseGap: gap),
            train: train, electrode: electrode
        )
        for problem in setting.problems(allowOutOfRange: allowOutOfRange != nil) {
            yaml.error(yaml.location, "\(what): \(problem)")
        }
        return DescribedSetting(
            setting: setting, allowOutOfRange: allowOutOfRange, illustrative: illustrative.map(\.value),
            location: yaml.location)
    }

    private static func measure(
        _ yaml: inout YAMLMapping, _ key: String, _ units: [String: Double], what: String, required: Bool
    ) -> Double? {
        guard let text = yaml.string(key, required: required, what: what) else { return nil }
        switch UnitParsing.parse(text.value, units: units) {
        case .success(let value): return value
        case .failure(let error):
            yaml.error(text.location, "\(what): '\(key)': \(error.message)")
            return nil
        }
    }

    private static func choice<Choice: RawRepresentable<String>>(
        _ yaml: inout YAMLMapping, _ key: String, _ all: [Choice], what: String
    ) -> Choice? {
        guard let text = yaml.string(key, required: true, what: what) else { return nil }
        if let value = Choice(rawValue: text.value) { return value }
        let names = all.map(\.rawValue)
        let suggestion = Suggestion.closest(to: text.value, in: Set(names)).map { " (did you mean '\($0)'?)" } ?? ""
        yaml.error(
            text.location,
            "\(what): '\(key)' is '\(text.value)'\(suggestion); choose one of \(names.joined(separator: ", "))")
        return nil
    }

    private static func waveform(_ yaml: inout YAMLMapping, what: String) -> Waveform? {
        guard let kind: WaveformKind = choice(&yaml, "waveform", WaveformKind.allCases, what: what) else { return nil }
        switch kind {
        case .monophasic: return .monophasic
        case .biphasic: return .biphasicSymmetric
        case .asymmetric:
            guard var second = yaml.mapping("secondPhase", what: what) else {
                yaml.error(
                    yaml.location(ofKey: "waveform"),
                    "\(what): an asymmetric waveform needs 'secondPhase: { amplitude: 4 mA, pulseWidth: 1000 µs }'")
                return nil
            }
            let amplitude = measure(
                &second, "amplitude", UnitParsing.currents, what: "\(what): secondPhase", required: true)
            let width = measure(
                &second, "pulseWidth", UnitParsing.durations, what: "\(what): secondPhase", required: true)
            second.warnUnknownKeys(["amplitude", "pulseWidth"], what: "\(what): secondPhase")
            yaml.absorb(second)
            let balanced = yaml.bool("chargeBalanced", what: what) ?? true
            guard let amplitude, let width else { return nil }
            return .biphasicAsymmetric(
                second: Phase(amplitude: Milliamperes(amplitude), width: Microseconds(width)),
                declaredBalanced: balanced)
        }
    }

    private static func train(_ yaml: inout YAMLMapping, what: String) -> PulseTrain? {
        guard var train = yaml.mapping("train", what: what) else {
            guard let frequency = measure(&yaml, "frequency", UnitParsing.frequencies, what: what, required: true)
            else { return nil }
            return .continuous(Hertz(frequency))
        }
        defer { yaml.absorb(train) }
        let what = "\(what): train"
        train.warnUnknownKeys(["burst", "alternating"], what: what)
        if var burst = train.mapping("burst", what: what) {
            defer { train.absorb(burst) }
            let pulses = burst.int("pulses", what: "\(what): burst")
            let frequency = measure(
                &burst, "frequency", UnitParsing.frequencies, what: "\(what): burst", required: true)
            let bursts = measure(
                &burst, "burstsPerSecond", UnitParsing.perSecond, what: "\(what): burst", required: true)
            burst.warnUnknownKeys(["pulses", "frequency", "burstsPerSecond"], what: "\(what): burst")
            guard let pulses, let frequency, let bursts else {
                if pulses == nil { burst.error(burst.location, "\(what): burst: 'pulses' is missing") }
                return nil
            }
            return .burst(pulses: pulses, internalFrequency: Hertz(frequency), burstFrequency: Hertz(bursts))
        }
        guard let node = train.node("alternating"), case .sequence(let items) = node else {
            train.error(
                train.location,
                "\(what): give 'burst: { pulses: 7, frequency: 100 Hz, burstsPerSecond: 2 Hz }' or 'alternating: [{ "
                    + "frequency: 2 Hz, seconds: 3 s }, …]'"
            )
            return nil
        }
        var dwells: [PulseTrain.Dwell] = []
        for item in items {
            guard var dwell = YAMLMapping(node: item, file: train.file, lineOffset: train.lineOffset) else {
                train.error(
                    train.location(of: item), "\(what): each alternating step is '{ frequency: 2 Hz, seconds: 3 s }'")
                continue
            }
            let frequency = measure(
                &dwell, "frequency", UnitParsing.frequencies, what: "\(what): alternating", required: true)
            let duration = measure(
                &dwell, "seconds", UnitParsing.seconds, what: "\(what): alternating", required: true)
            dwell.warnUnknownKeys(["frequency", "seconds"], what: "\(what): alternating")
            train.absorb(dwell)
            if let frequency, let duration {
                dwells.append(PulseTrain.Dwell(frequency: Hertz(frequency), duration: Seconds(duration)))
            }
        }
        return dwells.count == items.count ? .alternating(dwells) : nil
    }
}

/// The waveform names authors write.
enum WaveformKind: String, CaseIterable {
    case monophasic, biphasic, asymmetric

    init(_ waveform: Waveform) {
        switch waveform {
        case .monophasic: self = .monophasic
        case .biphasicSymmetric: self = .biphasic
        case .biphasicAsymmetric: self = .asymmetric
        }
    }
}
