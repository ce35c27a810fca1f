import Glibc

/// A strength–duration curve: the current a nerve fibre needs to fire at a
/// given pulse width.
public struct StrengthDuration: Sendable, Hashable {
    public var rheobase: Milliamperes
    public var chronaxie: Microseconds

    public init(rheobase: Milliamperes, chronaxie: Microseconds) {
        self.rheobase = rheobase
        self.chronaxie = chronaxie
    }

    /// Weiss's charge law: I_th = I_rh·(1 + c/w).
    public func hyperbolicThreshold(at width: Microseconds) -> Milliamperes {
        Milliamperes(rheobase.value * (1 + chronaxie.value / width.value))
    }

    /// Q_th = I_rh·(w + c).
    public func thresholdCharge(at width: Microseconds) -> Microcoulombs {
        Microcoulombs(rheobase.value * (width.value + chronaxie.value) / 1000)
    }

    /// Lapicque's RC membrane: I_th = I_rh / (1 − e^(−w/τ)), τ = c / ln 2.
    public func exponentialThreshold(at width: Microseconds) -> Milliamperes {
        let tau = chronaxie.value / log(2.0)
        return Milliamperes(rheobase.value / (1 - exp(-width.value / tau)))
    }
}

/// Fibre classes with measured strength–duration time constants.
public enum FibreClass: String, Sendable, CaseIterable {
    case sensory
    case motor

    /// Human median-nerve axons, Weiss fit (Mogyoros et al. 1996,
    /// doi:10.1093/brain/119.2.439): sensory 665 µs, motor 459 µs.
    public var chronaxie: Microseconds {
        switch self {
        case .sensory: return Microseconds(665)
        case .motor: return Microseconds(459)
        }
    }

    /// The threshold as a multiple of the rheobase, which varies with person,
    /// electrode and site and so is not drawn as a current.
    public func thresholdMultiple(at width: Microseconds) -> Double {
        StrengthDuration(rheobase: Milliamperes(1), chronaxie: chronaxie).hyperbolicThreshold(at: width).value
    }
}
