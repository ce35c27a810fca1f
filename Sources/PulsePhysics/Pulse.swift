/// One rectangular phase of constant current.
public struct Phase: Sendable, Hashable {
    public var amplitude: Milliamperes
    public var width: Microseconds

    public init(amplitude: Milliamperes, width: Microseconds) {
        self.amplitude = amplitude
        self.width = width
    }

    /// Q = I·w (mA·µs = nC, ÷1000 → µC).
    public var charge: Microcoulombs { Microcoulombs(amplitude.value * width.value / 1000) }
}

/// The shape of one pulse.
public enum Waveform: Sendable, Hashable {
    case monophasic
    /// Two identical phases of opposite sign.
    case biphasicSymmetric
    /// A second, opposite phase of its own amplitude and width. When
    /// `declaredBalanced`, validation requires I₂·w₂ = I·w to 0.1 %.
    case biphasicAsymmetric(second: Phase, declaredBalanced: Bool)

    /// p in the spec: 1 monophasic, 2 biphasic.
    public var phaseCount: Int {
        if case .monophasic = self { return 1 }
        return 2
    }
}

/// A pulse: its first phase, its shape, and the gap between its phases.
public struct Pulse: Sendable, Hashable {
    public var phase: Phase
    public var waveform: Waveform
    public var interphaseGap: Microseconds

    public init(phase: Phase, waveform: Waveform, interphaseGap: Microseconds = Microseconds(0)) {
        self.phase = phase
        self.waveform = waveform
        self.interphaseGap = interphaseGap
    }

    /// The phases in order; the second (if any) is of opposite polarity.
    public var phases: [Phase] {
        switch waveform {
        case .monophasic: return [phase]
        case .biphasicSymmetric: return [phase, phase]
        case .biphasicAsymmetric(let second, _): return [phase, second]
        }
    }

    /// From the start of the first phase to the end of the last: p·w + g.
    public var duration: Microseconds {
        let phasesTotal = phases.reduce(0) { $0 + $1.width.value }
        return Microseconds(phasesTotal + (phases.count > 1 ? interphaseGap.value : 0))
    }

    /// Q₁ − Q₂ (Q for a monophasic pulse).
    public var netCharge: Microcoulombs {
        let charges = phases.map(\.charge.value)
        return Microcoulombs(charges.count == 1 ? charges[0] : charges[0] - charges[1])
    }

    /// ∫ I² dt over one pulse, in A²·s.
    var squaredCurrentTime: Double {
        phases.reduce(0) { $0 + $1.amplitude.si * $1.amplitude.si * $1.width.si }
    }

    /// ∫ |I| dt over one pulse, in A·s.
    var absoluteCharge: Double {
        phases.reduce(0) { $0 + $1.amplitude.si * $1.width.si }
    }
}

/// How pulses repeat in time.
public enum PulseTrain: Sendable, Hashable {
    case continuous(Hertz)
    /// `pulses` pulses at `internalFrequency`, repeated `burstFrequency` times a second.
    case burst(pulses: Int, internalFrequency: Hertz, burstFrequency: Hertz)
    /// Each frequency in turn, for its dwell time ("dense-disperse").
    case alternating([Dwell])

    public struct Dwell: Sendable, Hashable {
        public var frequency: Hertz
        public var duration: Seconds

        public init(frequency: Hertz, duration: Seconds) {
            self.frequency = frequency
            self.duration = duration
        }
    }

    /// A stretch of the train at a steady pulse rate, and the share of time it takes.
    struct Segment: Sendable, Hashable {
        /// Pulses per second while it lasts.
        var rate: Double
        /// Its share of the train's time, from 0 to 1; a train's segments add up to 1.
        var weight: Double
    }

    /// Stretches of steady pulse rate, with the share of time each takes.
    var segments: [Segment] {
        switch self {
        case .continuous(let frequency):
            return [Segment(rate: frequency.value, weight: 1)]
        case .burst(let pulses, _, let burstFrequency):
            return [Segment(rate: Double(pulses) * burstFrequency.value, weight: 1)]
        case .alternating(let dwells):
            let total = dwells.reduce(0) { $0 + $1.duration.value }
            return dwells.map { Segment(rate: $0.frequency.value, weight: $0.duration.value / total) }
        }
    }

    /// Average pulses per second.
    public var meanPulseRate: Hertz {
        Hertz(segments.reduce(0) { $0 + $1.rate * $1.weight })
    }
}

/// The contact area of the electrode or needle; the spec's choices.
public enum Electrode: String, Sendable, Hashable, CaseIterable {
    case pad2x2 = "pad-2x2"
    case pad5x5 = "pad-5x5"
    case pad5x9 = "pad-5x9"
    case needle

    public var area: SquareCentimetres {
        switch self {
        case .pad2x2: return SquareCentimetres(4)
        case .pad5x5: return SquareCentimetres(25)
        case .pad5x9: return SquareCentimetres(45)
        // 0.25 mm × 10 mm exposed, as the spec rounds it.
        case .needle: return SquareCentimetres(0.0785)
        }
    }

    /// The standard's 2 mA/cm² attention level is for skin pads only.
    public var isSkinPad: Bool { self != .needle }
}

/// Everything the physics needs to know about one stimulation setting.
public struct StimulationSetting: Sendable, Hashable {
    public var pulse: Pulse
    public var train: PulseTrain
    public var electrode: Electrode
    /// The load for power and voltage: the standard's 500 Ω test load by default.
    public var load: Ohms

    public init(pulse: Pulse, train: PulseTrain, electrode: Electrode, load: Ohms = Ohms(500)) {
        self.pulse = pulse
        self.train = train
        self.electrode = electrode
        self.load = load
    }
}
