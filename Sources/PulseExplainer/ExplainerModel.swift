import Glibc
import PulsePhysics

/// The part of a setting the sliders do not change: waveform shape, gap,
/// train shape. Explainers whose settings share a model share its state grid.
struct ExplainerModel: Sendable, Hashable {
    /// The setting at 1 mA, 100 µs, pad-2x2 (and 1 Hz if continuous).
    let normalised: StimulationSetting

    init(_ setting: StimulationSetting) {
        normalised = setting.with(
            amplitude: Milliamperes(1), width: Microseconds(100), frequency: Hertz(1), electrode: .pad2x2)
    }

    /// Frequency is an input only for continuous trains; bursts and alternating
    /// trains keep the rates of their preset.
    var axes: [SliderAxis] {
        if case .continuous = normalised.train { return SliderAxis.allCases }
        return SliderAxis.allCases.filter { $0 != .frequency }
    }

    /// The setting at grid indices (`state[axis]`; missing axes take index 0).
    func setting(at state: [SliderAxis: Int]) -> StimulationSetting {
        let frequency: Hertz? = axes.contains(.frequency) ? SliderGrid.frequencies[state[.frequency] ?? 0] : nil
        return normalised.with(
            amplitude: SliderGrid.amplitudes[state[.amplitude] ?? 0],
            width: SliderGrid.pulseWidths[state[.pulseWidth] ?? 0],
            frequency: frequency,
            electrode: SliderGrid.electrodes[state[.electrode] ?? 0]
        )
    }

    /// The grid index nearest `setting`'s value on each axis (ratio distance).
    func nearestState(to setting: StimulationSetting) -> [SliderAxis: Int] {
        func nearest(_ values: [Double], _ target: Double) -> Int {
            values.indices.min { abs(log(values[$0] / target)) < abs(log(values[$1] / target)) } ?? 0
        }
        var state: [SliderAxis: Int] = [
            .amplitude: nearest(SliderGrid.amplitudes.map(\.value), setting.pulse.phase.amplitude.value),
            .pulseWidth: nearest(SliderGrid.pulseWidths.map(\.value), setting.pulse.phase.width.value),
            .electrode: SliderGrid.electrodes.firstIndex(of: setting.electrode) ?? 0,
        ]
        if case .continuous(let frequency) = setting.train {
            state[.frequency] = nearest(SliderGrid.frequencies.map(\.value), frequency.value)
        }
        return state
    }
}
