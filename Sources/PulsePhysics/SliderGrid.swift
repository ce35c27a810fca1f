/// The grid steps of the spec's sliders: the states the build precomputes.
public enum SliderGrid {
    public static let amplitudes: [Milliamperes] = [1, 2, 5, 10, 15, 20, 25, 30, 40, 50, 60].map { Milliamperes($0) }
    public static let pulseWidths: [Microseconds] = [50, 100, 150, 200, 250, 300, 400, 500].map { Microseconds($0) }
    public static let frequencies: [Hertz] = [1, 2, 4, 10, 15, 30, 50, 80, 100, 150].map { Hertz($0) }
    public static let electrodes: [Electrode] = Electrode.allCases
}

extension StimulationSetting {
    /// This setting with the first phase and (for continuous trains) the
    /// frequency replaced; an asymmetric second phase keeps its ratios to the first.
    public func with(amplitude: Milliamperes, width: Microseconds, frequency: Hertz?, electrode: Electrode)
        -> StimulationSetting
    {
        var copy = self
        if case .biphasicAsymmetric(let second, let balanced) = pulse.waveform {
            let scaled = Phase(
                amplitude: second.amplitude * (amplitude.value / pulse.phase.amplitude.value),
                width: second.width * (width.value / pulse.phase.width.value)
            )
            copy.pulse.waveform = .biphasicAsymmetric(second: scaled, declaredBalanced: balanced)
        }
        copy.pulse.phase = Phase(amplitude: amplitude, width: width)
        if let frequency, case .continuous = train { copy.train = .continuous(frequency) }
        copy.electrode = electrode
        return copy
    }
}
