/// A number tagged with its unit, so that microseconds cannot be passed where
/// milliseconds are meant, nor milliamperes where amperes are.
public struct Measure<Unit: PhysicalUnit>: Sendable, Hashable, Comparable {
    public var value: Double

    public init(_ value: Double) { self.value = value }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }
    public static func + (lhs: Self, rhs: Self) -> Self { Self(lhs.value + rhs.value) }
    public static func * (lhs: Self, factor: Double) -> Self { Self(lhs.value * factor) }
}

/// A unit: its symbol, and how many SI base units one of it is.
public protocol PhysicalUnit: Sendable {
    /// Units of one dimension convert into each other; others do not.
    associatedtype Dimension
    static var symbol: String { get }
    static var siFactor: Double { get }
}

extension Measure {
    /// The value in SI base units (amperes, seconds, square metres, …).
    public var si: Double { value * Unit.siFactor }

    public init(si: Double) { self.init(si / Unit.siFactor) }

    /// The same quantity in another unit of the same dimension.
    public func converted<Other: PhysicalUnit>(to _: Other.Type) -> Measure<Other>
    where Other.Dimension == Unit.Dimension {
        Measure<Other>(si: si)
    }
}

public enum Current {}
public enum Time {}
public enum Frequency {}
public enum Area {}
public enum Resistance {}
public enum Charge {}
public enum ChargeDensity {}
public enum CurrentDensity {}
public enum Power {}
public enum Energy {}
public enum Voltage {}
public enum Ratio {}

public enum MilliampereUnit: PhysicalUnit {
    public typealias Dimension = Current
    public static let symbol = "mA"
    public static let siFactor = 1e-3
}
public enum MicroampereUnit: PhysicalUnit {
    public typealias Dimension = Current
    public static let symbol = "µA"
    public static let siFactor = 1e-6
}
public enum MicrosecondUnit: PhysicalUnit {
    public typealias Dimension = Time
    public static let symbol = "µs"
    public static let siFactor = 1e-6
}
public enum MillisecondUnit: PhysicalUnit {
    public typealias Dimension = Time
    public static let symbol = "ms"
    public static let siFactor = 1e-3
}
public enum SecondUnit: PhysicalUnit {
    public typealias Dimension = Time
    public static let symbol = "s"
    public static let siFactor = 1.0
}
public enum HertzUnit: PhysicalUnit {
    public typealias Dimension = Frequency
    public static let symbol = "Hz"
    public static let siFactor = 1.0
}
public enum SquareCentimetreUnit: PhysicalUnit {
    public typealias Dimension = Area
    public static let symbol = "cm²"
    public static let siFactor = 1e-4
}
public enum OhmUnit: PhysicalUnit {
    public typealias Dimension = Resistance
    public static let symbol = "Ω"
    public static let siFactor = 1.0
}
public enum MicrocoulombUnit: PhysicalUnit {
    public typealias Dimension = Charge
    public static let symbol = "µC"
    public static let siFactor = 1e-6
}
public enum MicrocoulombPerSquareCentimetreUnit: PhysicalUnit {
    public typealias Dimension = ChargeDensity
    public static let symbol = "µC/cm²"
    public static let siFactor = 1e-2
}
public enum MilliamperePerSquareCentimetreUnit: PhysicalUnit {
    public typealias Dimension = CurrentDensity
    public static let symbol = "mA/cm²"
    public static let siFactor = 10.0
}
public enum MilliwattUnit: PhysicalUnit {
    public typealias Dimension = Power
    public static let symbol = "mW"
    public static let siFactor = 1e-3
}
public enum MicrojouleUnit: PhysicalUnit {
    public typealias Dimension = Energy
    public static let symbol = "µJ"
    public static let siFactor = 1e-6
}
public enum VoltUnit: PhysicalUnit {
    public typealias Dimension = Voltage
    public static let symbol = "V"
    public static let siFactor = 1.0
}
public enum PercentUnit: PhysicalUnit {
    public typealias Dimension = Ratio
    public static let symbol = "%"
    public static let siFactor = 1e-2
}

public typealias Milliamperes = Measure<MilliampereUnit>
public typealias Microamperes = Measure<MicroampereUnit>
public typealias Microseconds = Measure<MicrosecondUnit>
public typealias Milliseconds = Measure<MillisecondUnit>
public typealias Seconds = Measure<SecondUnit>
public typealias Hertz = Measure<HertzUnit>
public typealias SquareCentimetres = Measure<SquareCentimetreUnit>
public typealias Ohms = Measure<OhmUnit>
public typealias Microcoulombs = Measure<MicrocoulombUnit>
public typealias MicrocoulombsPerSquareCentimetre = Measure<MicrocoulombPerSquareCentimetreUnit>
public typealias MilliamperesPerSquareCentimetre = Measure<MilliamperePerSquareCentimetreUnit>
public typealias Milliwatts = Measure<MilliwattUnit>
public typealias Microjoules = Measure<MicrojouleUnit>
public typealias Volts = Measure<VoltUnit>
public typealias Percent = Measure<PercentUnit>
