import PulsePhysics

/// Where things go in the explainer's three figures. Pure geometry: the same
/// functions draw the page's figures and fill the state grid, so the figure a
/// script swaps in is exactly the one the build would have drawn.
struct FigureGeometry: Sendable {
    /// The plot area of every figure, in SVG user units.
    static let width = 320.0, height = 160.0
    static let left = 44.0, right = 300.0, top = 12.0, bottom = 132.0

    /// The time shown in the one-pulse figure, in µs: fixed per model so that a
    /// wider pulse looks wider.
    var pulseWindow: Double
    /// The current shown, ± this many mA.
    static let currentRange = 60.0

    init(model: StimulationSetting) {
        let widest = SliderGrid.pulseWidths.last!
        let duration = model.with(amplitude: Milliamperes(1), width: widest, frequency: nil, electrode: .pad2x2).pulse
            .duration.value
        pulseWindow = FigureGeometry.niceCeiling(duration * 1.2)
    }

    // MARK: one pulse

    func x(microseconds: Double) -> Double { Self.left + (Self.right - Self.left) * microseconds / pulseWindow }
    static func y(milliamperes: Double) -> Double {
        (top + bottom) / 2 - (bottom - top) / 2 * milliamperes / currentRange
    }

    /// The outline of one pulse: baseline, first phase up, gap, second phase down.
    func pulsePath(_ pulse: Pulse) -> String {
        let lead = pulseWindow * 0.08
        var commands = ["M\(c(Self.left)) \(c(Self.y(milliamperes: 0)))"]
        var time = lead
        for (index, phase) in pulse.phases.enumerated() {
            if index == 1 { time += pulse.interphaseGap.value }
            let sign = index == 0 ? 1.0 : -1.0
            commands.append("H\(c(x(microseconds: time)))V\(c(Self.y(milliamperes: sign * phase.amplitude.value)))")
            time += phase.width.value
            commands.append("H\(c(x(microseconds: time)))V\(c(Self.y(milliamperes: 0)))")
        }
        commands.append("H\(c(Self.right))")
        return commands.joined()
    }

    /// Where the labels "1" and "2" of the phases sit, as "x y" pairs.
    func phaseLabelPositions(_ pulse: Pulse) -> [String] {
        let lead = pulseWindow * 0.08
        var time = lead
        var positions: [String] = []
        for (index, phase) in pulse.phases.enumerated() {
            if index == 1 { time += pulse.interphaseGap.value }
            let middle = x(microseconds: time + phase.width.value / 2)
            let tip = Self.y(milliamperes: (index == 0 ? 1 : -1) * phase.amplitude.value)
            positions.append("\(c(middle)) \(c(index == 0 ? tip - 4 : tip + 12))")
            time += phase.width.value
        }
        return positions
    }

    // MARK: the train

    /// Seconds of train shown: one second, or one whole cycle of an alternating train.
    static func trainWindow(_ train: PulseTrain) -> Double {
        if case .alternating(let dwells) = train { return dwells.reduce(0) { $0 + $1.duration.value } }
        return 1
    }

    static let maxTicks = 1000

    /// One tick per pulse across the window.
    static func trainPath(_ train: PulseTrain) -> String {
        let window = trainWindow(train)
        var times: [Double] = []
        switch train {
        case .continuous(let frequency):
            times = stride(from: 0.0, to: window, by: max(1 / frequency.value, window / Double(maxTicks))).map { $0 }
        case .burst(let pulses, let internalFrequency, let burstFrequency):
            for start in stride(from: 0.0, to: window, by: max(1 / burstFrequency.value, window / Double(maxTicks))) {
                times += (0..<min(pulses, maxTicks)).map { start + Double($0) / internalFrequency.value }
            }
        case .alternating(let dwells):
            var start = 0.0
            for dwell in dwells {
                let spacing = max(1 / dwell.frequency.value, window / Double(maxTicks))
                times += stride(from: start, to: start + dwell.duration.value, by: spacing).map { $0 }
                start += dwell.duration.value
            }
        }
        let scale = (right - left) / window
        // More ticks than the figure has room for would only cost memory: past
        // the limit, keep an even sample (the band still reads as dense).
        if times.count > maxTicks {
            let step = Double(times.count) / Double(maxTicks)
            times = (0..<maxTicks).map { times[Int(Double($0) * step)] }
        }
        return times.map { "M\(c(left + $0 * scale)) \(c(bottom))V\(c(top + 20))" }.joined()
    }

    // MARK: strength–duration

    static let durationRange = 1000.0, multipleRange = 16.0

    static func sdX(_ microseconds: Double) -> Double { left + (right - left) * microseconds / durationRange }
    static func sdY(_ multiple: Double) -> Double { bottom - (bottom - top) * multiple / multipleRange }

    /// A fibre class's threshold (× rheobase) from 40 µs to 1000 µs.
    static func curvePath(_ fibre: FibreClass) -> String {
        let widths = stride(from: 40.0, through: durationRange, by: 20).map { $0 }
        return widths.enumerated().map { index, width in
            let y = sdY(min(multipleRange, fibre.thresholdMultiple(at: Microseconds(width))))
            return "\(index == 0 ? "M" : "L")\(c(sdX(width))) \(c(y))"
        }.joined()
    }

    /// The setting's pulse width: a vertical line with a diamond on each curve.
    static func markerPath(_ width: Microseconds) -> String {
        let x = sdX(width.value)
        var path = "M\(c(x)) \(c(top))V\(c(bottom))"
        for fibre in FibreClass.allCases {
            let y = sdY(min(multipleRange, fibre.thresholdMultiple(at: width)))
            path += "M\(c(x - 4)) \(c(y))l4 -4l4 4l-4 4z"
        }
        return path
    }

    // MARK: helpers

    private func c(_ value: Double) -> String { NumberText.coordinate(value) }
    private static func c(_ value: Double) -> String { NumberText.coordinate(value) }

    /// 1, 2 or 5 × a power of ten, at least `value`.
    static func niceCeiling(_ value: Double) -> Double {
        var step = 1.0
        while step * 10 <= value { step *= 10 }
        for factor in [1.0, 2, 5, 10] where factor * step >= value { return factor * step }
        return 10 * step
    }
}
