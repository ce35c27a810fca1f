import Glibc

/// The derived quantities of a valid setting, each in the unit the spec gives.
public struct PulseMetrics: Sendable, Hashable {
    /// 1/f; for a burst, the period within the burst; nil for alternating trains.
    public var period: Milliseconds?
    /// Average pulses per second over the whole train.
    public var pulseRate: Hertz
    /// (p·w + g) × pulse rate.
    public var dutyCycle: Percent
    public var chargePerPhase: Microcoulombs
    /// Q/A, per phase.
    public var chargeDensity: MicrocoulombsPerSquareCentimetre
    /// log₁₀(Q) + log₁₀(D), Q in µC, D in µC/cm².
    public var shannonK: Double
    public var netChargePerPulse: Microcoulombs
    /// Net charge × pulse rate: the direct current the pulse train leaves.
    public var netCurrent: Microamperes
    public var rmsCurrent: Milliamperes
    public var meanAbsoluteCurrent: Milliamperes
    /// I_rms²·R.
    public var averagePower: Milliwatts
    /// Σ I²·R·w over the phases.
    public var energyPerPulse: Microjoules
    /// I·R for the larger phase.
    public var peakVoltage: Volts
    public var peakCurrentDensity: MilliamperesPerSquareCentimetre
    public var rmsCurrentDensity: MilliamperesPerSquareCentimetre

    /// How far k lies below Shannon's damage line (negative: above it).
    public var shannonMargin: Double { ReferenceLimits.shannonK - shannonK }

    /// RMS current density against the standard's 2 mA/cm² level; nil for needles.
    public func exceedsPadAttentionLevel(_ electrode: Electrode) -> Bool? {
        electrode.isSkinPad ? rmsCurrentDensity.value > ReferenceLimits.padRMSCurrentDensity.value : nil
    }
}

/// Published lines the explainer compares against (see the spec for sources).
public enum ReferenceLimits {
    /// Shannon 1992: damage at k ≥ 1.85 in the data modelled.
    public static let shannonK = 1.85
    /// IEC 60601-2-10: RMS current density above which instructions must advise attention.
    public static let padRMSCurrentDensity = MilliamperesPerSquareCentimetre(2)
}

extension StimulationSetting {
    /// The derived quantities, or every reason the setting is invalid.
    public func metrics(allowOutOfRange: Bool = false) -> Result<PulseMetrics, PulseSettingErrors> {
        let problems = problems(allowOutOfRange: allowOutOfRange)
        return problems.isEmpty ? .success(unvalidatedMetrics) : .failure(PulseSettingErrors(problems: problems))
    }

    /// The formulas of the spec; call only on a valid setting.
    var unvalidatedMetrics: PulseMetrics {
        let area = electrode.area.value
        let charge = pulse.phase.charge
        let density = MicrocoulombsPerSquareCentimetre(charge.value / area)
        let segments = train.segments
        let rate = train.meanPulseRate
        // Mean-square current: time-weighted over the train's segments.
        let meanSquare = segments.reduce(0) { $0 + $1.weight * $1.rate * pulse.squaredCurrentTime }
        let rms = Milliamperes(si: meanSquare.squareRoot())
        let peak = pulse.phases.map(\.amplitude.value).max() ?? 0
        let net = pulse.netCharge
        return PulseMetrics(
            period: period,
            pulseRate: rate,
            dutyCycle: Percent(pulse.duration.si * rate.value * 100),
            chargePerPhase: charge,
            chargeDensity: density,
            shannonK: log10(charge.value) + log10(density.value),
            netChargePerPulse: net,
            netCurrent: Microamperes(net.value * rate.value),
            rmsCurrent: rms,
            meanAbsoluteCurrent: Milliamperes(si: pulse.absoluteCharge * rate.value),
            averagePower: Milliwatts(si: rms.si * rms.si * load.value),
            energyPerPulse: Microjoules(si: pulse.squaredCurrentTime * load.value),
            peakVoltage: Volts(peak / 1000 * load.value),
            peakCurrentDensity: MilliamperesPerSquareCentimetre(peak / area),
            rmsCurrentDensity: MilliamperesPerSquareCentimetre(rms.value / area)
        )
    }

    private var period: Milliseconds? {
        switch train {
        case .continuous(let frequency), .burst(_, let frequency, _): return Milliseconds(1000 / frequency.value)
        case .alternating: return nil
        }
    }
}

/// All the problems of one setting, as one error.
public struct PulseSettingErrors: Error, Sendable, Equatable {
    public var problems: [PulseSettingError]
}
